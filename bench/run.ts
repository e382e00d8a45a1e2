// `npm run bench [-- --quick] [--engine pglite|postgres|both] [--docs-per-year N] [--units N]`
// Generates a province at real scale as contract CSV files, then measures on each engine:
// import through the real service, the physical floor, the sheet latency and its freshness.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import os from "node:os";
import { OrgDirectory } from "../server/src/orgs/org.directory.js";
import type { AppContext } from "../server/src/context.js";
import { PROVINCE_CODE } from "../server/src/demo/demo-province.js";
import { parseBenchOptions, type BenchOptions } from "./bench-options.js";
import { prepareBenchData, withFirstRowRepeated, type BenchData } from "./bench-data.js";
import { engineVersion, openBenchDatabase } from "./bench-database.js";
import { analyze, databaseSizeMb, dropBare, measureCopyFloor, measureImport, measureRefusal, measureScanFloor, measureSheet, postgresCpuMs } from "./bench-measures.js";
import { measureFreshness } from "./bench-freshness.js";
import { renderReport, type EngineResult } from "./bench-report.js";

const log = (line: string) => process.stdout.write(`${line}\n`);
/** A commune of the demo structure that every bench province has. */
const FRESHNESS_COMMUNE = "X_TAN_TRAO";

async function runEngine(engine: "pglite" | "postgres", data: BenchData, o: BenchOptions): Promise<EngineResult> {
  log(`\n== ${engine} ==`);
  const bdb = await openBenchDatabase(engine, o);
  const { handle } = bdb;
  const result: EngineResult = { engine, label: bdb.label, version: await engineVersion(handle), imports: [], sheets: [] };
  log(`  ${result.label} — ${result.version}`);
  try {
    const ctx: AppContext = { handle, orgs: new OrgDirectory(handle.db), now: () => new Date() };
    const docFiles = data.documentFiles.map((d) => d.file);
    const dbName = bdb.url ? new URL(bdb.url).pathname.slice(1) : undefined;
    const dbCpu = () => (dbName ? postgresCpuMs(dbName) : undefined);

    result.copyFloor = await measureCopyFloor(handle, docFiles, bdb.url);
    log(`  sàn COPY: ${Math.round(result.copyFloor.rowsPerSec).toLocaleString("vi-VN")} dòng/s`);
    result.scanFloor = await measureScanFloor(handle, result.copyFloor.rows, 5);
    log(`  sàn quét: ${result.scanFloor.msPerMillion.toFixed(1)} ms / triệu dòng`);
    await dropBare(handle);

    result.imports.push(await measureImport(ctx, "orgs", data.orgsFile, log));
    for (const file of docFiles) result.imports.push(await measureImport(ctx, "documents", file, log, dbCpu));
    const docs = result.imports.filter((m) => m.kind === "documents");
    const docRows = docs.reduce((s, m) => s + m.rows, 0);
    const docMs = docs.reduce((s, m) => s + m.ms, 0);
    result.documentsImport = { rows: docRows, ms: docMs, rowsPerSec: docRows / (docMs / 1000) };
    result.imports.push(await measureImport(ctx, "meetings", data.meetingsFile, log));
    result.imports.push(await measureImport(ctx, "tthc", data.tthcFile, log));
    // the slower paths: every key already there, and a repeat found only after the last row
    const last = data.documentFiles.at(-1);
    if (last) {
      result.reimport = await measureImport(ctx, "documents", last.file, log, dbCpu);
      result.refusal = await measureRefusal(ctx, "documents", withFirstRowRepeated(last.file), last.rows + 1, log);
    }
    if (o.only === "import") return result;

    const sheets = [["year 2026, province subtree", "2026"], ["2026Q2, province subtree", "2026Q2"]] as const;
    for (const analyzed of [false, true]) {
      if (analyzed) result.analyzeMs = await analyze(handle);
      for (const [label, period] of sheets) {
        const latency = await measureSheet(ctx, PROVINCE_CODE, period, o.runs);
        result.sheets.push({ label, period, analyzed, latency });
        log(`  bảng chỉ tiêu ${period}, cả tỉnh${analyzed ? " (sau ANALYZE)" : ""}: trung vị ${latency.medianMs.toFixed(1)} ms, p95 ${latency.p95Ms.toFixed(1)} ms`);
      }
    }
    result.freshness = await measureFreshness(ctx, PROVINCE_CODE, FRESHNESS_COMMUNE);
    log(`  độ tươi: D1 hiện tại ${result.freshness.before} → ${result.freshness.after}`);
    result.sizeMb = await databaseSizeMb(handle);
  } catch (error) {
    result.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    log(`  LỖI: ${result.error}`);
  } finally {
    await bdb.drop();
  }
  return result;
}

const o = parseBenchOptions(process.argv);
mkdirSync(o.outDir, { recursive: true });
const machine = {
  nproc: os.availableParallelism(),
  cpu: os.cpus()[0]?.model ?? "?",
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.type()} ${os.release()}`,
  /** other work on the machine skews every figure: recorded at the start and the end */
  loadAvgStart: os.loadavg().map((l) => Number(l.toFixed(2))),
  loadAvgEnd: [] as number[],
};
log(`Máy: ${machine.nproc} CPU (${machine.cpu}), ${machine.memoryGb} GB RAM, Node ${machine.node}, tải ${machine.loadAvgStart.join(" ")}`);
log(`Dữ liệu: ${o.docsPerYear.toLocaleString("vi-VN")} văn bản/năm, ${o.meetingsPerYear.toLocaleString("vi-VN")} hội nghị/năm, ${o.units} đơn vị, 2025 và 2026`);
const data = prepareBenchData(o, log);
log(`  ${data.counts.orgs} đơn vị (${data.counts.units} có sổ sách), ${data.counts.documents.toLocaleString("vi-VN")} văn bản, ${data.counts.meetings.toLocaleString("vi-VN")} hội nghị, ${data.counts.tthc} bản ghi TTHC`);

const results: EngineResult[] = [];
for (const engine of o.engines) results.push(await runEngine(engine, data, o));

machine.loadAvgEnd = os.loadavg().map((l) => Number(l.toFixed(2)));
const report = `Machine: ${machine.nproc} CPU (${machine.cpu}), ${machine.memoryGb} GB RAM, Node ${machine.node}; load average ${machine.loadAvgStart.join(" ")} at start, ${machine.loadAvgEnd.join(" ")} at end.\n\n${renderReport(results)}`;
log(`\n${report}`);
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const record = { at: new Date().toISOString(), command: process.argv.slice(2).join(" "), machine, options: o, data: data.counts, results };
writeFileSync(join(o.outDir, `results-${stamp}.json`), JSON.stringify(record, null, 2));
writeFileSync(join(o.outDir, "last-run.md"), `${report}\n`);
log(`\nKết quả: ${join(o.outDir, `results-${stamp}.json`)}`);
process.exitCode = results.some((r) => r.error) ? 1 : 0;
