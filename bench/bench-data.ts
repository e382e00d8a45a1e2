// The bench province at real scale, written as CSV files in the data-contract format
// (data-contract.md §CSV / XLSX columns) so that they go through the real import.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { KL226_DEFAULTS } from "../server/src/domain/settings.js";
import { dayNumberOf, localDay } from "../server/src/demo/demo-calendar.js";
import { buildProvinceUnits } from "../server/src/demo/demo-province.js";
import { DEMO_YEARS, windowOf } from "../server/src/demo/demo.generator.js";
import { generateUnitDocuments } from "../server/src/demo/document-generator.js";
import { generateUnitMeetings } from "../server/src/demo/meeting-generator.js";
import { generateUnitTthc } from "../server/src/demo/tthc-generator.js";
import { SeededRandom } from "../server/src/demo/seeded-random.js";
import type { UnitProfile } from "../server/src/demo/demo.types.js";
import type { BenchOptions } from "./bench-options.js";

/** The bench's "today": the end of 2026, so both years are complete. */
export const BENCH_NOW = new Date("2026-12-31T16:00:00Z");
/** Units of the demo structure that hold registers before extra communes are added. */
const BASE_DATA_UNITS = 48;

export type BenchData = {
  dir: string;
  orgsFile: string;
  documentFiles: Array<{ year: number; file: string; rows: number }>;
  meetingsFile: string;
  tthcFile: string;
  counts: { units: number; orgs: number; documents: number; meetings: number; tthc: number };
};

type Value = string | number | boolean | null;
/** A contract CSV field: booleans 1/0, empty for null, quotes only when needed. */
function field(v: Value): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "1" : "0";
  if (typeof v === "number") return String(v);
  return /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** A CSV file written in large buffered chunks. */
class CsvWriter {
  private fd: number;
  private buffer = "";
  rows = 0;
  constructor(readonly path: string, header: readonly string[]) {
    this.fd = openSync(`${path}.part`, "w");
    this.buffer = `${header.join(",")}\n`;
  }
  write(values: readonly Value[]): void {
    this.buffer += `${values.map(field).join(",")}\n`;
    this.rows += 1;
    if (this.buffer.length > 1 << 20) this.flush();
  }
  private flush(): void {
    writeSync(this.fd, this.buffer);
    this.buffer = "";
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
    renameSync(`${this.path}.part`, this.path);
  }
}

/** Local ISO 8601 with the +07:00 offset, as a province's export would write it. */
function localIso(instant: Date): string {
  const offset = KL226_DEFAULTS.sessionConvention.utcOffsetMinutes;
  return `${new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 19)}+07:00`;
}

/** Share of each demo year a unit exists in, so volumes can be scaled to the asked totals. */
function yearShares(unit: UnitProfile, today: string): number[] {
  return DEMO_YEARS.map((year) => {
    const w = windowOf(unit.org, today)(year);
    return w ? (dayNumberOf(w.to) - dayNumberOf(w.from) + 1) / (dayNumberOf(`${year + 1}-01-01`) - dayNumberOf(`${year}-01-01`)) : 0;
  });
}

/** Scales the demo volumes so that the two years hold about 2 × the yearly totals asked. */
function scaleVolumes(units: UnitProfile[], o: BenchOptions, today: string): void {
  let docs = 0;
  let meetings = 0;
  for (const u of units) {
    const [a = 0, b = 0] = yearShares(u, today);
    docs += u.docsPerYear * (a + b * u.docRatio);
    meetings += u.meetingsPerYear * (a + b * u.meetingRatio);
  }
  const docFactor = (2 * o.docsPerYear) / docs;
  const meetingFactor = (2 * o.meetingsPerYear) / meetings;
  for (const u of units) {
    u.docsPerYear = Math.round(u.docsPerYear * docFactor);
    u.meetingsPerYear = Math.round(u.meetingsPerYear * meetingFactor);
  }
}

/** `file` with its first data row repeated at the end (written next to it once): a file the
 * import must refuse, and only after its last row. */
export function withFirstRowRepeated(file: string): string {
  const path = file.replace(/\.csv$/, "-repeat.csv");
  if (existsSync(path)) return path;
  const text = readFileSync(file);
  const headerEnd = text.indexOf(10);
  const firstEnd = text.indexOf(10, headerEnd + 1);
  writeFileSync(path, Buffer.concat([text, text.subarray(headerEnd + 1, firstEnd + 1)]));
  return path;
}

/** Writes (or reuses, when the same parameters were generated before) the bench CSV files. */
export function prepareBenchData(o: BenchOptions, log: (line: string) => void): BenchData {
  const dir = join(o.outDir, `data-${o.docsPerYear}-${o.meetingsPerYear}-${o.units}-${o.seed}`);
  const manifest = join(dir, "manifest.json");
  if (existsSync(manifest)) {
    log(`Dùng lại dữ liệu đã sinh: ${dir}`);
    return JSON.parse(readFileSync(manifest, "utf8")) as BenchData;
  }
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const today = localDay(BENCH_NOW, KL226_DEFAULTS.sessionConvention.utcOffsetMinutes);
  const rng = new SeededRandom(o.seed);
  const units = buildProvinceUnits(rng.fork("orgs"), { extraCommunes: Math.max(0, o.units - BASE_DATA_UNITS), withOffices: true });
  scaleVolumes(units, o, today);

  const orgs = new CsvWriter(join(dir, "orgs.csv"), ["code", "name", "parent_code", "level", "bloc", "valid_from", "valid_to", "merged_from"]);
  for (const { org } of units) orgs.write([org.code, org.name, org.parentCode ?? "", org.level, org.bloc, org.validFrom, org.validTo, org.mergedFrom.join(";")]);
  orgs.close();

  const docHeader = ["org_code", "number", "type", "issued_on", "subject", "legal_normative", "secret", "sent_electronically", "digitized", "signer"];
  const docs = new Map(DEMO_YEARS.map((y) => [y, new CsvWriter(join(dir, `documents-${y}.csv`), docHeader)]));
  const meetings = new CsvWriter(join(dir, "meetings.csv"), ["org_code", "title", "category", "scope", "format", "start", "end", "opening_min", "conclusion_min", "max_contribution_min", "exception_decision", "commune_participants"]);
  const tthc = new CsvWriter(join(dir, "tthc.csv"), ["org_code", "period", "received", "processed_digitally"]);
  const registers = rng.fork("registers");
  for (const unit of units) {
    const r = registers.fork(`unit:${unit.org.code}`);
    const window = windowOf(unit.org, today);
    for (const d of generateUnitDocuments(unit, DEMO_YEARS, window, r)) {
      docs.get(Number(d.issuedOn.slice(0, 4)))?.write([d.orgCode, d.number, d.typeCode, d.issuedOn, d.subject, d.legalNormative, d.secret, d.sentElectronically, d.digitized, d.signer]);
    }
    for (const m of generateUnitMeetings(unit, DEMO_YEARS, window, BENCH_NOW, r)) {
      meetings.write([m.orgCode, m.title, m.category, m.scope, m.format, localIso(m.start), localIso(m.end), m.openingMin, m.conclusionMin, m.maxContributionMin, m.exceptionDecision, m.communeParticipants]);
    }
    for (const t of generateUnitTthc(unit, DEMO_YEARS, window, today, r)) tthc.write([t.orgCode, t.month.slice(0, 7), t.received, t.processedDigitally]);
  }
  for (const w of [...docs.values(), meetings, tthc]) w.close();

  const data: BenchData = {
    dir,
    orgsFile: orgs.path,
    documentFiles: [...docs.entries()].map(([year, w]) => ({ year, file: w.path, rows: w.rows })),
    meetingsFile: meetings.path,
    tthcFile: tthc.path,
    counts: {
      units: units.filter((u) => u.docsPerYear > 0).length,
      orgs: orgs.rows,
      documents: [...docs.values()].reduce((s, w) => s + w.rows, 0),
      meetings: meetings.rows,
      tthc: tthc.rows,
    },
  };
  writeFileSync(manifest, JSON.stringify(data, null, 2));
  log(`Đã sinh dữ liệu trong ${((performance.now() - started) / 1000).toFixed(1)} s: ${dir}`);
  return data;
}
