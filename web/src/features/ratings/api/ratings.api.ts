// The annual ratings API (server/src/reports/rating.routes.ts): scorecards of the units below a
// unit, ranked within peer groups, with the records behind every point.
import type { CriterionScore, RankedScorecard, RecordRef } from "@server/domain/reports/rating.js";
import type { RatingSettings } from "@server/domain/reports/reporting-settings.js";
import { apiFetch, withQuery } from "../../../ui/api-client";

export type { CriterionScore, RankedScorecard, RecordRef, RatingSettings };
export type Ratings = { org: string; year: number; today: string; settings: RatingSettings; rows: RankedScorecard[] };

export const fetchRatings = (org: string, year: number, signal?: AbortSignal) => apiFetch<Ratings>("/api/ratings", { query: { org, year }, signal });
export const ratingsXlsxUrl = (org: string, year: number) => withQuery("/api/ratings/export.xlsx", { org, year });
