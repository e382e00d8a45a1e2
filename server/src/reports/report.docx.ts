// The report as a Word document in the layout of Nghị định 30/2020/NĐ-CP (Appendix I): the
// issuer and the national motto side by side, number and symbol, place and date, title, body
// with tables, "Nơi nhận" and the signature block; Times New Roman, A4 portrait, margins
// 20/20/30/15 mm. A Party body's report carries "ĐẢNG CỘNG SẢN VIỆT NAM" (HD 36-HD/VPTW).
import {
  AlignmentType, BorderStyle, convertMillimetersToTwip, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from "docx";
import type { NarrativeSection } from "../domain/reports/narrative.js";
import { cellText, COMBINED_SUFFIX, figureTables, indicatorTable, type ReportDocument, type ReportTable } from "./report.document.js";

const FONT = "Times New Roman";
/** A4 portrait in twips, and the width between the margins. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: convertMillimetersToTwip(20), bottom: convertMillimetersToTwip(20), left: convertMillimetersToTwip(30), right: convertMillimetersToTwip(15) };
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

type RunStyle = { bold?: boolean; italics?: boolean; size?: number; underline?: boolean };
const run = (text: string, s: RunStyle = {}) => new TextRun({ text, font: FONT, size: s.size ?? 28, bold: s.bold ?? false, italics: s.italics ?? false, ...(s.underline ? { underline: {} } : {}) });
const line = (text: string, s: RunStyle & { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean; after?: number } = {}) =>
  new Paragraph({
    alignment: s.align ?? AlignmentType.JUSTIFIED,
    spacing: { after: s.after ?? 60 },
    ...(s.indent ? { indent: { firstLine: convertMillimetersToTwip(10) } } : {}),
    children: [run(text, s)],
  });

/** Issuer (left) and national motto (right), then number (left) and place/date (right). */
function header(d: ReportDocument): Table {
  const left = [
    ...(d.parentName ? [line(d.parentName, { align: AlignmentType.CENTER, size: 26, after: 0 })] : []),
    line(d.issuerName, { align: AlignmentType.CENTER, size: 26, bold: true, after: 0 }),
    line("———", { align: AlignmentType.CENTER, size: 20, after: 60 }),
    line(d.number, { align: AlignmentType.CENTER, size: 26 }),
  ];
  const right = d.bloc === "party"
    ? [line("ĐẢNG CỘNG SẢN VIỆT NAM", { align: AlignmentType.CENTER, bold: true, size: 30, underline: true, after: 120 })]
    : [
      // 12 pt (NĐ 30 allows 12–13) so that the motto stays on one line in its column
      line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { align: AlignmentType.CENTER, bold: true, size: 24, after: 0 }),
      line("Độc lập - Tự do - Hạnh phúc", { align: AlignmentType.CENTER, bold: true, size: 28, underline: true, after: 120 }),
    ];
  right.push(line(d.dateText, { align: AlignmentType.CENTER, italics: true, size: 28 }));
  const cell = (children: Paragraph[], share: number) => new TableCell({ width: { size: Math.round(TEXT_WIDTH * share), type: WidthType.DXA }, borders: NO_BORDERS, children });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: [Math.round(TEXT_WIDTH * 0.4), Math.round(TEXT_WIDTH * 0.6)], borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, 0.4), cell(right, 0.6)] })],
  });
}

function dataTable(t: ReportTable): Table {
  const widths = t.header.map((_, i) => (i === 0 ? 0.4 : 0.6 / (t.header.length - 1)));
  const cell = (text: string, i: number, bold: boolean) => new TableCell({
    width: { size: Math.round(TEXT_WIDTH * (widths[i] ?? 0.1)), type: WidthType.DXA },
    children: [line(text, { align: bold ? AlignmentType.CENTER : i === 0 ? AlignmentType.LEFT : AlignmentType.RIGHT, bold, size: 24, after: 0 })],
  });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths.map((w) => Math.round(TEXT_WIDTH * w)),
    rows: [
      new TableRow({ tableHeader: true, children: t.header.map((h, i) => cell(h, i, true)) }),
      ...t.rows.map((r) => new TableRow({ children: r.map((v, i) => cell(cellText(v), i, false)) })),
    ],
  });
}

const paragraphsOf = (text: string) =>
  text.split(/\n+/).map((p) => p.trim()).filter(Boolean).map((p) => line(p, { indent: true }));
const orPlaceholder = (text: string) => (text.trim() ? paragraphsOf(text) : [line("(Chưa có nội dung)", { italics: true, indent: true })]);

function body(d: ReportDocument): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  const heading = (text: string) => out.push(line(text, { bold: true, align: AlignmentType.LEFT, after: 80 }));
  const section = (s: NarrativeSection) => out.push(...orPlaceholder(d.narrative[s]));
  heading("I. KẾT QUẢ THỰC HIỆN");
  section("ketQua");
  const tables = figureTables(d.content.figures, d.content.breakdown, d.combined ? COMBINED_SUFFIX : "");
  tables.forEach((t, i) => {
    out.push(line(`${i + 1}. ${t.title}`, { bold: true, italics: true, align: AlignmentType.LEFT }));
    out.push(dataTable(t));
  });
  const ind = indicatorTable(d.content);
  out.push(line(`${tables.length + 1}. ${ind.title}`, { bold: true, italics: true, align: AlignmentType.LEFT }));
  out.push(dataTable(ind));
  heading("II. HẠN CHẾ VÀ NGUYÊN NHÂN");
  out.push(line("1. Hạn chế", { bold: true, italics: true, align: AlignmentType.LEFT }));
  section("hanChe");
  if (d.content.breaches.length > 0) {
    out.push(line(`Các chỉ tiêu chưa đạt: ${d.content.breaches.map((b) => `${b.id} (${b.title})`).join("; ")}.`, { indent: true }));
  }
  out.push(line("2. Nguyên nhân", { bold: true, italics: true, align: AlignmentType.LEFT }));
  section("nguyenNhan");
  heading("III. KIẾN NGHỊ, ĐỀ XUẤT");
  section("kienNghi");
  const explained = d.flags.filter((f) => f.explanation);
  if (explained.length > 0 || d.content.notes.length > 0) {
    heading("Ghi chú về số liệu");
    for (const f of explained) out.push(line(`- ${f.message} Giải trình: ${f.explanation}`, { size: 26, indent: true }));
    for (const n of d.content.notes) out.push(line(`- ${n}`, { size: 26, indent: true }));
  }
  return out;
}

/** "Nơi nhận" (left, 12/11 pt) and the signature block (right). */
function footer(d: ReportDocument): Table {
  const left = [
    line("Nơi nhận:", { bold: true, italics: true, size: 24, align: AlignmentType.LEFT, after: 0 }),
    ...d.recipients.map((r, i) => line(`- ${r}${i === d.recipients.length - 1 ? "." : ";"}`, { size: 22, align: AlignmentType.LEFT, after: 0 })),
  ];
  const right = [
    line(d.signerTitle, { bold: true, align: AlignmentType.CENTER, after: 1200 }),
    line(d.signerName || " ", { bold: true, align: AlignmentType.CENTER }),
  ];
  const cell = (children: Paragraph[]) => new TableCell({ width: { size: Math.round(TEXT_WIDTH / 2), type: WidthType.DXA }, borders: NO_BORDERS, children });
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: [Math.round(TEXT_WIDTH / 2), Math.round(TEXT_WIDTH / 2)], borders: NO_BORDERS, rows: [new TableRow({ children: [cell(left), cell(right)] })] });
}

/** The DOCX bytes of a report. */
export async function writeReportDocx(d: ReportDocument): Promise<Buffer> {
  const title: Paragraph[] = [
    ...(d.draft ? [line("DỰ THẢO", { bold: true, align: AlignmentType.RIGHT, size: 24 })] : []),
    line(d.title, { bold: true, align: AlignmentType.CENTER, size: 28, after: 0 }),
    line(d.subtitle, { bold: true, align: AlignmentType.CENTER, size: 28, after: 0 }),
    line("———————", { align: AlignmentType.CENTER, size: 20, after: 120 }),
    ...(d.recipient ? [line(`Kính gửi: ${d.recipient}${d.via ? ` (${d.via})` : ""}.`, { align: AlignmentType.CENTER, after: 120 })] : []),
  ];
  const doc = new Document({
    creator: "leloi",
    title: `${d.title} ${d.subtitle}`,
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [{
      properties: { page: { size: A4, margin: MARGIN } },
      children: [header(d), line("", { after: 120 }), ...title, ...body(d), line("", { after: 120 }), footer(d)],
    }],
  });
  return Packer.toBuffer(doc);
}

