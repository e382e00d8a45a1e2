import { z } from "zod";
import { parseDate } from "../domain/normalize.js";

/** An org unit code as imports write it (letters, digits, `_ . -`). */
export const ZOrgCode = z
  .string()
  .trim()
  .min(1, "Cần mã đơn vị")
  .max(64)
  .regex(/^[\p{L}\p{N}_.-]+$/u, "Mã đơn vị chỉ gồm chữ, số và _ . -");

/** `subtree=1|true` in a query string (absent = this unit only). */
export const ZSubtreeFlag = z
  .enum(["0", "1", "true", "false"])
  .optional()
  .transform((v) => v === "1" || v === "true");

/** A calendar date as YYYY-MM-DD or DD/MM/YYYY, normalised to YYYY-MM-DD. */
export const ZDay = z.string().transform((raw, ctx) => {
  const p = parseDate(raw);
  if (!p.ok) {
    ctx.addIssue({ code: "custom", message: p.reason });
    return z.NEVER;
  }
  return p.value;
});

const ZLevel = z.enum(["central", "province", "department", "commune", "office"]);
const ZBloc = z.enum(["party", "state", "front"]);
const ZSplitFrom = z.array(z.strictObject({ code: ZOrgCode, share: z.number().gt(0).max(1) })).max(50);
const ZMergedFrom = z.array(ZOrgCode).max(50);

/** `:code` in org routes. */
export const ZOrgCodeParams = z.strictObject({ code: ZOrgCode });

/** A new unit; it always hangs under an existing unit the admin manages. */
export const ZCreateOrgBody = z.strictObject({
  code: ZOrgCode,
  name: z.string().trim().min(1, "Cần tên đơn vị").max(300),
  parentCode: ZOrgCode,
  level: ZLevel,
  bloc: ZBloc,
  validFrom: ZDay.nullable().optional(),
  validTo: ZDay.nullable().optional(),
  /** codes of the units this one replaced (hợp nhất); their records count as its own */
  mergedFrom: ZMergedFrom.optional(),
  /** units this one took a share of (chia tách) */
  splitFrom: ZSplitFrom.optional(),
});

/** Changes to a unit; `mergedFrom` / `splitFrom`, when given, replace the links of that kind. */
export const ZUpdateOrgBody = z
  .strictObject({
    name: z.string().trim().min(1, "Cần tên đơn vị").max(300),
    parentCode: ZOrgCode,
    level: ZLevel,
    bloc: ZBloc,
    validFrom: ZDay.nullable(),
    validTo: ZDay.nullable(),
    mergedFrom: ZMergedFrom,
    splitFrom: ZSplitFrom,
  })
  .partial();

export type TCreateOrgBody = z.infer<typeof ZCreateOrgBody>;
export type TUpdateOrgBody = z.infer<typeof ZUpdateOrgBody>;
