import type { AppContext } from "../context.js";
import type { TthcRow } from "../db/schema.js";
import { orgCodeOf } from "../registers/register-scope.js";
import { toIsoInstant } from "../registers/present.js";

/** One unit's TTHC figures for a month, as the API shows them. */
export type TthcJson = { orgCode: string; period: string; received: number; processedDigitally: number; updatedAt: string };

/** Maps a row to its JSON; `period` is the month id ("2026-05"). */
export function presentTthc(ctx: AppContext, row: TthcRow): TthcJson {
  return {
    orgCode: orgCodeOf(ctx, row.org_id),
    period: row.month.slice(0, 7),
    received: row.received,
    processedDigitally: row.processed_digitally,
    updatedAt: toIsoInstant(row.updated_at),
  };
}
