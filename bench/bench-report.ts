// The bench's table and the targets of the issue, judged against the figures measured.
import type { Freshness } from "./bench-freshness.js";
import type { ImportMeasure, Latency, Refusal } from "./bench-measures.js";

export type EngineResult = {
  engine: "pglite" | "postgres";
  label: string;
  version: string;
  copyFloor?: { rows: number; ms: number; rowsPerSec: number };
  scanFloor?: Latency & { msPerMillion: number };
  imports: ImportMeasure[];
  documentsImport?: { rows: number; ms: number; rowsPerSec: number };
  /** the last documents file imported a second time, unchanged */
  reimport?: ImportMeasure;
  /** the last documents file with its first row repeated at the end */
  refusal?: Refusal;
  sheets: Array<{ label: string; period: string; analyzed: boolean; latency: Latency }>;
  analyzeMs?: number;
  freshness?: Freshness;
  sizeMb?: number;
  error?: string;
};

const int = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? "—" : Math.round(n).toLocaleString("en-US"));
const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? "—" : n < 10 ? n.toFixed(1) : Math.round(n).toString());

/** Targets from the issue: [engine, what, measured, target, verdict]. The floors are reference
 * figures of a machine, not targets: they are shown with the share of them this machine reaches,
 * and the import and the sheet are also shown relative to this run's own floor. */
export function judgeTargets(results: readonly EngineResult[]): Array<[string, string, string, string, string]> {
  const rows: Array<[string, string, string, string, string]> = [];
  const verdict = (v: number | undefined, ok: (x: number) => boolean) => (v === undefined || Number.isNaN(v) ? "not measured" : ok(v) ? "**met**" : "**not met**");
  const pct = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || !b ? "—" : `${Math.round((a / b) * 100)} %`);
  for (const r of results) {
    const docs = r.documentsImport?.rowsPerSec;
    const importTarget = r.engine === "postgres" ? 100_000 : 50_000;
    rows.push([r.engine, "import documents with full validation (rows/s)", int(docs), `≥ ${int(importTarget)}`, verdict(docs, (x) => x >= importTarget)]);
    const year = r.sheets.find((s) => s.period.length === 4 && s.analyzed) ?? r.sheets.find((s) => s.period.length === 4);
    if (r.engine === "postgres") {
      rows.push([r.engine, `year sheet, province subtree, ${int(r.copyFloor?.rows)} documents (ms, median${year?.analyzed ? ", after VACUUM ANALYZE" : ""})`, ms(year?.latency.medianMs), "≤ 100", verdict(year?.latency.medianMs, (x) => x <= 100)]);
    }
    rows.push([r.engine, "floor: raw COPY (rows/s)", int(r.copyFloor?.rowsPerSec), "~750,000 (reference)", `this machine: ${pct(r.copyFloor?.rowsPerSec, 750_000)} of it`]);
    rows.push([r.engine, "floor: bare scan (ms per million rows)", ms(r.scanFloor?.msPerMillion), "~45 (reference)", `this machine: ${pct(45, r.scanFloor?.msPerMillion)} of its speed`]);
    rows.push([r.engine, "import ÷ raw COPY of this run", pct(docs, r.copyFloor?.rowsPerSec), "—", "validation + indexes + rollup cost"]);
    rows.push([r.engine, "freshness: a new document counted by the next sheet", r.freshness ? `${r.freshness.before} → ${r.freshness.after}` : "—", "+1, no job", r.freshness ? (r.freshness.counted ? "**met**" : "**not met**") : "not measured"]);
  }
  return rows;
}

/** "; CPU per row: Node … µs, PostgreSQL … µs" of an import, or nothing. */
const cpuText = (m: ImportMeasure) => (m.cpuUsPerRow ? `; CPU per row: Node ${m.cpuUsPerRow.node.toFixed(1)} µs${m.cpuUsPerRow.db === undefined ? "" : `, PostgreSQL ${m.cpuUsPerRow.db.toFixed(1)} µs`}` : "");

/** Markdown tables of all the figures. */
export function renderReport(results: readonly EngineResult[]): string {
  const lines: string[] = [];
  lines.push("| engine | measure | rows | time | rate / latency |", "|---|---|---:|---:|---:|");
  for (const r of results) {
    if (r.error) lines.push(`| ${r.engine} | **error** | | | ${r.error.replaceAll("|", "/").slice(0, 200)} |`);
    if (r.copyFloor) lines.push(`| ${r.engine} | floor: raw COPY of the documents CSV | ${int(r.copyFloor.rows)} | ${(r.copyFloor.ms / 1000).toFixed(1)} s | ${int(r.copyFloor.rowsPerSec)} rows/s |`);
    if (r.scanFloor) lines.push(`| ${r.engine} | floor: bare count(*) filter scan | ${int(r.copyFloor?.rows)} | ${ms(r.scanFloor.medianMs)} ms (median) | ${ms(r.scanFloor.msPerMillion)} ms / M rows |`);
    for (const m of r.imports) {
      const phases = Object.entries(m.phasesMs).filter(([, v]) => v >= 1).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(", ");
      lines.push(`| ${r.engine} | import ${m.kind} \`${m.file.split("/").pop()}\` (${phases}${cpuText(m)}) | ${int(m.rows)} | ${(m.ms / 1000).toFixed(1)} s | ${int(m.rowsPerSec)} rows/s |`);
    }
    if (r.documentsImport) lines.push(`| ${r.engine} | **import documents, total** | ${int(r.documentsImport.rows)} | ${(r.documentsImport.ms / 1000).toFixed(1)} s | **${int(r.documentsImport.rowsPerSec)} rows/s** |`);
    if (r.reimport) {
      const m = r.reimport;
      lines.push(`| ${r.engine} | re-import of \`${m.file.split("/").pop()}\`, unchanged (${int(m.inserted)} inserted; every key looked up${cpuText(m)}) | ${int(m.rows)} | ${(m.ms / 1000).toFixed(1)} s | ${int(m.rowsPerSec)} rows/s |`);
    }
    if (r.refusal) {
      const f = r.refusal;
      lines.push(`| ${r.engine} | refused: \`${f.file.split("/").pop()}\` (first row repeated at the end; read twice): ${f.errors.join("; ")} | ${int(f.rows)} | ${(f.ms / 1000).toFixed(1)} s | ${int(f.rows / (f.ms / 1000))} rows/s |`);
    }
    if (r.analyzeMs !== undefined) lines.push(`| ${r.engine} | VACUUM ANALYZE after the import | | ${(r.analyzeMs / 1000).toFixed(1)} s | |`);
    for (const s of r.sheets) {
      lines.push(`| ${r.engine} | sheet ${s.label} ${s.analyzed ? "(after VACUUM ANALYZE)" : "(as imported)"} | ${s.latency.runs} runs | median ${ms(s.latency.medianMs)} ms | p95 ${ms(s.latency.p95Ms)} ms (min ${ms(s.latency.minMs)}, max ${ms(s.latency.maxMs)}) |`);
    }
    if (r.freshness) lines.push(`| ${r.engine} | freshness: POST /api/documents then GET /api/indicators | D1 current ${r.freshness.before} → ${r.freshness.after} | POST ${ms(r.freshness.postMs)} ms, GET ${ms(r.freshness.sheetMs)} ms | ${r.freshness.counted ? "counted at once" : "NOT counted"} |`);
    if (r.sizeMb !== undefined) lines.push(`| ${r.engine} | database size | | | ${int(r.sizeMb)} MB |`);
  }
  lines.push("", "| engine | figure | measured | target | verdict |", "|---|---|---:|---:|---|");
  for (const row of judgeTargets(results)) lines.push(`| ${row.join(" | ")} |`);
  return lines.join("\n");
}
