// Export of the combined report of a unit (issue "Periodic reports" §4, §5): what the aggregator
// sends to the level above — the totals of its own records and of the accepted reports of the
// units reporting to it, then the per-unit breakdown — as DOCX (Nghị định 30/2020 layout) and
// XLSX. The figures are the live ones of the combined page (accepted reports are frozen
// versions already); the text (assessment, number, signer, Nơi nhận) is the unit's own report
// of the period when it has one, so that the officer writes it once.
import type { AppContext } from "../context.js";
import { authorize, type SessionUser } from "../auth/policy.js";
import { parsePeriod } from "../domain/period.js";
import { narrativeOf, type Narrative } from "../domain/reports/narrative.js";
import { findOrgOrOwn } from "../orgs/org.service.js";
import { computeContent } from "./report.content.js";
import { buildReportDocument } from "./report.document.js";
import { writeReportDocx } from "./report.docx.js";
import { storedParts, type ReportMeta } from "./report.presenter.js";
import { loadRegime } from "./report.regime.js";
import { findReportOf, findVersions, jsonOf } from "./report.repository.js";
import { writeReportXlsx } from "./report.xlsx.js";

/** The text of the unit's own report for the period: the latest version once sent, else the draft. */
async function ownText(ctx: AppContext, orgId: number, period: string): Promise<{ narrative: Narrative; meta: ReportMeta }> {
  const report = await findReportOf(ctx.handle.db, orgId, period);
  if (!report) return { narrative: narrativeOf({}), meta: {} };
  if (report.status === "submitted" || report.status === "accepted") {
    const versions = await findVersions(ctx.handle.db, report.id);
    const latest = versions[versions.length - 1];
    if (latest) return { narrative: narrativeOf(jsonOf(latest.narrative)), meta: jsonOf<ReportMeta>(latest.meta) };
  }
  const { narrative, meta } = storedParts(report);
  return { narrative, meta };
}

/** The combined report of `org` (default: the user's unit) for `period` as a file. */
export async function exportCombinedReport(ctx: AppContext, user: SessionUser, q: { org?: string | undefined; period: string }, format: "docx" | "xlsx"): Promise<{ fileName: string; content: Buffer }> {
  const org = await findOrgOrOwn(ctx, user, q.org);
  authorize(user, "read", org.id, ctx.orgs);
  const regime = await loadRegime(ctx);
  const period = parsePeriod(q.period);
  const { content } = await computeContent(ctx, regime, org.id, period);
  const obligation = regime.obligation(org.id, period);
  const { narrative, meta } = await ownText(ctx, org.id, period.id);
  const doc = buildReportDocument(ctx, {
    orgId: org.id, recipientOrgId: obligation?.recipientOrgId ?? null, via: obligation?.schedule.via ?? null,
    // the tables of a combined report are the totals; the breakdown keeps the unit's own row apart
    content: { ...content, figures: content.breakdown?.combined ?? content.figures },
    narrative, meta, flags: [], at: ctx.now(), draft: false, combined: true,
    utcOffsetMinutes: regime.settingsOf(org.id).sessionConvention.utcOffsetMinutes,
  });
  return format === "docx"
    ? { fileName: `${doc.fileBase}.docx`, content: await writeReportDocx(doc) }
    : { fileName: `${doc.fileBase}.xlsx`, content: await writeReportXlsx(doc) };
}
