// The plan form: text fields as typed, turned into the API's body and checked with the server's
// own request schema (server/src/plans/plan.schema.ts), so the form refuses what the API would,
// with the same Vietnamese reasons.
import { z } from "zod";
import { ZPlanCreateSchema } from "@server/plans/plan.schema.js";
import { TARGET_FIELDS } from "./texts";

type TargetKey = (typeof TARGET_FIELDS)[number]["key"];

const readNumber = (s: string): number => Number(s.trim().replace(",", "."));

export const ZPlanForm = z
  .object({
    orgCode: z.string(),
    number: z.string(),
    type: z.string(),
    issuedOn: z.string(),
    title: z.string(),
    parentPlanId: z.string(),
    horizonYear: z.string(),
    targets: z.record(z.string(), z.string()),
  })
  .transform((v): z.input<typeof ZPlanCreateSchema> => {
    const targets: Partial<Record<TargetKey, number>> = {};
    for (const f of TARGET_FIELDS) {
      const raw = v.targets[f.key] ?? "";
      if (raw.trim() !== "") targets[f.key] = readNumber(raw);
    }
    return {
      orgCode: v.orgCode, number: v.number, type: v.type, issuedOn: v.issuedOn, title: v.title,
      parentPlanId: v.parentPlanId === "" ? null : Number(v.parentPlanId),
      horizonYear: v.horizonYear.trim() === "" ? null : readNumber(v.horizonYear),
      targets: Object.keys(targets).length === 0 ? null : targets,
    };
  })
  .pipe(ZPlanCreateSchema);

export type PlanFormInput = z.input<typeof ZPlanForm>;
export type PlanFormOutput = z.output<typeof ZPlanForm>;
