// What the report page shows of the figures: the statistical tables as rows with the figure
// path each row stands for (comments anchor to it: "figure:documents.byType.CV.current"), the
// indicator rows, and small formatting helpers. Pure functions over the API's JSON.
import { D2_ORDER } from "@server/domain/reports/figures.js";
import { formatNumber, formatPercent } from "../../ui/format";
import type { ReportContent, ReportFigures, ReportIndicator } from "./api/reports.api";
import { REPORT_TEXT as T } from "./texts";

/** One value of a row: a count, a share (%), a cut vs last year (%), or nothing. */
export type Cell = { kind: "count" | "percent" | "cut"; value: number | null };
export type FigureRow = {
  /** the figure path the row stands for; comments whose path starts with it show on the row */
  base: string;
  /** the anchor a new comment on the row gets */
  anchor: string;
  label: string;
  cells: Cell[];
  strong?: boolean;
};
export type FigureTable = { id: string; title: string; columns: string[]; rows: FigureRow[] };

const count = (value: number | null): Cell => ({ kind: "count", value });
const percent = (value: number | null): Cell => ({ kind: "percent", value });
const pairRow = (base: string, label: string, p: { current: number; previous: number | null; cut: number | null }, strong = false): FigureRow =>
  ({ base, anchor: `figure:${base}.current`, label, cells: [count(p.current), count(p.previous), { kind: "cut", value: p.cut }], strong });
const single = (base: string, label: string, cell: Cell): FigureRow => ({ base, anchor: `figure:${base}`, label, cells: [cell] });

/** The statistical tables of a report (issue "Periodic reports" §2) in the order of the DOCX. */
export function figureTablesOf(f: ReportFigures): FigureTable[] {
  const R = T.rows;
  const pairColumns = [T.colItem, T.colNow, T.colBefore, T.colCut];
  const oneColumn = [T.colItem, T.colValue];
  return [
    {
      id: "documents", title: T.tableDocuments, columns: pairColumns,
      rows: [
        ...D2_ORDER.map((b) => pairRow(`documents.byType.${b}`, R[b] ?? b, f.documents.byType[b])),
        pairRow("documents.administrative", R.administrative ?? "", f.documents.administrative, true),
        pairRow("documents.legalNormative", R.legalNormative ?? "", f.documents.legalNormative),
        pairRow("documents.total", R.total ?? "", f.documents.total, true),
      ],
    },
    {
      id: "conferences", title: T.tableConferences, columns: pairColumns,
      rows: [
        pairRow("conferences.total", R.confTotal ?? "", f.conferences.total, true),
        { ...single("conferences.inPerson", R.inPerson ?? "", count(f.conferences.inPerson)), cells: [count(f.conferences.inPerson), count(null), count(null)] },
        { ...single("conferences.online", R.online ?? "", count(f.conferences.online)), cells: [count(f.conferences.online), count(null), count(null)] },
        { ...single("conferences.hybrid", R.hybrid ?? "", count(f.conferences.hybrid)), cells: [count(f.conferences.hybrid), count(null), count(null)] },
        {
          ...single("conferences.onlineShare", (f.conferences.hybridCountsAsOnline ? R.onlineShareHybrid : R.onlineShare) ?? "", percent(f.conferences.onlineShare)),
          cells: [percent(f.conferences.onlineShare), count(null), count(null)],
        },
      ],
    },
    {
      id: "tthc", title: T.tableTthc, columns: oneColumn,
      rows: [
        single("tthc.received", R.received ?? "", count(f.tthc.received)),
        single("tthc.processedDigitally", R.processedDigitally ?? "", count(f.tthc.processedDigitally)),
        single("tthc.share", R.tthcShare ?? "", percent(f.tthc.share)),
        single("tthc.previousShare", R.tthcPrevShare ?? "", percent(f.tthc.previousShare)),
      ],
    },
    {
      id: "digital", title: T.tableDigital, columns: oneColumn,
      rows: [
        single("digital.nonSecret", R.nonSecret ?? "", count(f.digital.nonSecret)),
        single("digital.digitized", R.digitized ?? "", count(f.digital.digitized)),
        single("digital.digitizedShare", R.digitizedShare ?? "", percent(f.digital.digitizedShare)),
        single("digital.sentElectronically", R.sent ?? "", count(f.digital.sentElectronically)),
        single("digital.sentShare", R.sentShare ?? "", percent(f.digital.sentShare)),
      ],
    },
    {
      id: "tasks", title: T.tableTasks, columns: oneColumn,
      rows: [
        { ...single("tasks.due", R.due ?? "", count(f.tasks.due)), strong: true },
        single("tasks.doneOnTime", R.doneOnTime ?? "", count(f.tasks.doneOnTime)),
        single("tasks.doneLate", R.doneLate ?? "", count(f.tasks.doneLate)),
        single("tasks.overdue", R.overdue ?? "", count(f.tasks.overdue)),
        single("tasks.notYetDue", R.notYetDue ?? "", count(f.tasks.notYetDue)),
      ],
    },
  ];
}

/** A cell as text: 1.234,5; 12,5%; "Giảm 33,3%"; "—" for nothing. */
export function cellText(c: Cell): string {
  if (c.value === null) return "—";
  if (c.kind === "percent") return formatPercent(c.value);
  if (c.kind === "cut") return T.cut(c.value);
  return formatNumber(c.value);
}

/** Indicators whose value is a percentage; D1 and M1 are cuts vs the same period last year. */
const PERCENT_IDS = new Set(["D3", "D4", "M2", "T1", "P1", "T3", "R1"]);
const CUT_IDS = new Set(["D1", "M1"]);

export type IndicatorRow = { id: string; base: string; anchor: string; title: string; value: string; target: string; met: boolean | null };

/** The indicator sheet as rows (indicators with a number or no value; D2's table is above). */
export function indicatorRowsOf(indicators: Record<string, ReportIndicator>): IndicatorRow[] {
  return Object.entries(indicators)
    .filter(([, i]) => typeof i.value === "number" || i.value === null)
    .map(([id, i]) => {
      const v = typeof i.value === "number" ? i.value : null;
      const value = v === null ? "—" : CUT_IDS.has(id) ? T.cut(v) : PERCENT_IDS.has(id) ? formatPercent(v) : formatNumber(v);
      const target = i.target === null ? "—" : CUT_IDS.has(id) ? `≥ ${formatPercent(i.target)}` : PERCENT_IDS.has(id) ? `≥ ${formatPercent(i.target)}` : `≤ ${formatNumber(i.target)}`;
      return { id, base: `indicators.${id}`, anchor: `figure:indicators.${id}.value`, title: String(i.title ?? id), value, target, met: i.met };
    });
}

/** The figure path of a comment anchor ("figure:a.b" → "a.b"), null for a section or the report. */
export function figurePathOf(anchor: string): string | null {
  return anchor.startsWith("figure:") ? anchor.slice(7) : null;
}

/** True when a comment anchored at `anchor` belongs to a row standing for `base`. */
export function anchorBelongs(anchor: string, base: string): boolean {
  const path = figurePathOf(anchor);
  return path !== null && (path === base || path.startsWith(`${base}.`));
}

/** Every row base shown for a content (to find comments that have no row on the page). */
export function shownBases(content: ReportContent): string[] {
  return [...figureTablesOf(content.figures).flatMap((t) => t.rows.map((r) => r.base)), ...indicatorRowsOf(content.indicators).map((r) => r.base)];
}

/** The last day of a range whose end is exclusive ("2026-07-01" → "2026-06-30"). */
export function lastDayBefore(endExclusive: string): string {
  const d = new Date(`${endExclusive}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
