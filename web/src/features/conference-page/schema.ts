// The conclusion notice form: text fields as typed, checked with the server's own request schema
// (server/src/conclusions/conclusion.schema.ts), so the form refuses what the API would. The
// first time, the notice's number and date are required.
import { z } from "zod";
import { ZConclusionsBody } from "@server/conclusions/conclusion.schema.js";
import { CONFERENCE_TEXT as T } from "./texts";

const row = z.object({ content: z.string(), lead: z.string(), coordinators: z.string(), due: z.string(), product: z.string() });

export function conclusionFormSchema(isFirstNotice: boolean) {
  return z
    .object({ number: z.string(), issuedOn: z.string(), title: z.string(), conclusions: z.array(row) })
    .superRefine((v, ctx) => {
      if (!isFirstNotice) return;
      if (v.number.trim() === "") ctx.addIssue({ code: "custom", path: ["number"], message: T.needNumber });
      if (v.issuedOn.trim() === "") ctx.addIssue({ code: "custom", path: ["issuedOn"], message: T.needDate });
    })
    .transform((v): z.input<typeof ZConclusionsBody> => ({
      ...(isFirstNotice ? { number: v.number.trim(), issuedOn: v.issuedOn.trim() } : {}),
      ...(isFirstNotice && v.title.trim() !== "" ? { title: v.title.trim() } : {}),
      conclusions: v.conclusions,
    }))
    .pipe(ZConclusionsBody);
}

export type ConclusionFormInput = z.input<ReturnType<typeof conclusionFormSchema>>;
export type ConclusionFormOutput = z.output<ReturnType<typeof conclusionFormSchema>>;

export const EMPTY_CONCLUSION = { content: "", lead: "", coordinators: "Không", due: "", product: "" };
