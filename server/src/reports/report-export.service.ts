// Exports of a report (issue "Periodic reports" §5): a version as submitted, or the current
// draft marked "DỰ THẢO", as DOCX (Nghị định 30/2020 layout) or XLSX (the statistical tables).
import type { AppContext } from "../context.js";
import type { SessionUser } from "../auth/policy.js";
import { notFound } from "../errors.js";
import { narrativeOf } from "../domain/reports/narrative.js";
import type { QualityFlag } from "../domain/reports/quality.js";
import { parsePeriod } from "../domain/period.js";
import { loadReadableReport } from "./report.access.js";
import { computeContent, type ReportContent } from "./report.content.js";
import { buildReportDocument } from "./report.document.js";
import { writeReportDocx } from "./report.docx.js";
import type { ReportMeta } from "./report.presenter.js";
import { storedParts } from "./report.presenter.js";
import { loadRegime } from "./report.regime.js";
import { findVersions, jsonOf } from "./report.repository.js";
import { writeReportXlsx } from "./report.xlsx.js";

/** The report (version `version`, else the latest submitted one, else the live draft) as a file. */
export async function exportReport(ctx: AppContext, user: SessionUser, id: number, format: "docx" | "xlsx", version?: number): Promise<{ fileName: string; content: Buffer }> {
  const report = await loadReadableReport(ctx, user, id);
  const regime = await loadRegime(ctx);
  const versions = await findVersions(ctx.handle.db, report.id);
  const chosen = version !== undefined
    ? versions.find((v) => v.version === version)
    : report.status === "submitted" || report.status === "accepted" ? versions[versions.length - 1] : undefined;
  if (version !== undefined && !chosen) throw notFound(`phiên bản ${version} của báo cáo #${id}`);
  const settings = regime.settingsOf(report.org_id);
  const period = parsePeriod(report.period);
  const obligation = regime.obligation(report.org_id, period);
  let content: ReportContent;
  let flags: QualityFlag[];
  let explanations: Record<string, string>;
  let narrative;
  let meta: ReportMeta;
  if (chosen) {
    content = jsonOf<ReportContent>(chosen.figures);
    flags = jsonOf<QualityFlag[]>(chosen.flags);
    explanations = jsonOf<Record<string, string>>(chosen.explanations);
    narrative = narrativeOf(jsonOf(chosen.narrative));
    meta = jsonOf<ReportMeta>(chosen.meta);
  } else {
    const live = await computeContent(ctx, regime, report.org_id, period);
    const parts = storedParts(report);
    ({ content, flags } = live);
    ({ explanations, narrative, meta } = parts);
  }
  const doc = buildReportDocument(ctx, {
    orgId: report.org_id, recipientOrgId: chosen?.recipient_org_id ?? report.recipient_org_id, via: obligation?.schedule.via ?? null,
    content, narrative, meta, flags: flags.map((f) => ({ ...f, explanation: explanations[f.key] ?? null })),
    at: chosen?.submitted_at ?? ctx.now(), draft: !chosen, utcOffsetMinutes: settings.sessionConvention.utcOffsetMinutes,
  });
  const suffix = chosen ? `-v${chosen.version}` : "-du-thao";
  return format === "docx"
    ? { fileName: `${doc.fileBase}${suffix}.docx`, content: await writeReportDocx(doc) }
    : { fileName: `${doc.fileBase}${suffix}.xlsx`, content: await writeReportXlsx(doc) };
}
