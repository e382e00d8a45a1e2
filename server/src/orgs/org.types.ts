import type { OrgUnitRow } from "../db/schema.js";

/** What the directory keeps of each org unit. */
export type OrgRow = Pick<OrgUnitRow, "id" | "code" | "name" | "parent_id" | "level" | "bloc" | "valid_from" | "valid_to">;
