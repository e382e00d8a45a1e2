// Renders the first page of a DOCX in the browser, for the README's picture of a generated report.
// A minimal WordprocessingML reader for what our writer (server/src/reports/report.docx.ts) uses:
// paragraphs (alignment, spacing after, first-line indent), runs (bold, italic, underline, size,
// line breaks) and tables (grid widths, borderless or ruled), on the section's page size and
// margins. Times New Roman falls back to Liberation Serif, which has the same metrics.
import JSZip from "jszip";
import type { Page } from "playwright-core";

/** Twips per CSS pixel at 96 dpi (1 px = 15 twips). */
const TWIPS_PER_PX = 15;

/** Loads the DOCX's first page into `page` and returns its size in CSS pixels. */
export async function showDocxFirstPage(page: Page, docx: Buffer): Promise<{ width: number; height: number }> {
  const xml = await (await JSZip.loadAsync(docx)).file("word/document.xml")?.async("string");
  if (!xml) throw new Error("not a DOCX: word/document.xml is missing");
  await page.setContent(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
    body { margin: 0; background: #fff; }
    .sheet { box-sizing: border-box; background: #fff; overflow: hidden; font-family: "Times New Roman", "Liberation Serif", serif; color: #000; }
    .sheet p { margin: 0; line-height: 1.15; white-space: pre-wrap; }
    .sheet table { border-collapse: collapse; table-layout: fixed; }
    .sheet td { vertical-align: top; padding: 1px 5px; }
    .sheet table.ruled td { border: 1px solid #000; }
  </style></head><body><div class="sheet" id="sheet"></div></body></html>`);
  return page.evaluate(({ source, twipsPerPx }) => {
    const doc = new DOMParser().parseFromString(source, "application/xml");
    const px = (twips: string | null | undefined) => (twips ? Number(twips) / twipsPerPx : 0);
    const kids = (el: Element, name: string) => [...el.children].filter((c) => c.localName === name);
    const kid = (el: Element | undefined, name: string) => (el ? kids(el, name)[0] : undefined);
    const attr = (el: Element | undefined, name: string) => el?.getAttribute(`w:${name}`) ?? null;

    const paragraph = (p: Element): HTMLElement => {
      const out = document.createElement("p");
      const pPr = kid(p, "pPr");
      const jc = attr(kid(pPr, "jc"), "val");
      out.style.textAlign = jc === "center" ? "center" : jc === "right" || jc === "end" ? "right" : jc === "both" ? "justify" : "left";
      out.style.marginBottom = `${px(attr(kid(pPr, "spacing"), "after"))}px`;
      out.style.textIndent = `${px(attr(kid(pPr, "ind"), "firstLine"))}px`;
      let size = 0;
      for (const r of kids(p, "r")) {
        const rPr = kid(r, "rPr");
        const span = document.createElement("span");
        const sz = Number(attr(kid(rPr, "sz"), "val") ?? 24) / 2;
        size = Math.max(size, sz);
        span.style.fontSize = `${sz}pt`;
        if (kid(rPr, "b") && attr(kid(rPr, "b"), "val") !== "false") span.style.fontWeight = "bold";
        if (kid(rPr, "i") && attr(kid(rPr, "i"), "val") !== "false") span.style.fontStyle = "italic";
        if (kid(rPr, "u") && attr(kid(rPr, "u"), "val") !== "none") span.style.textDecoration = "underline";
        for (const c of [...r.children]) {
          if (c.localName === "t") span.append(c.textContent ?? "");
          if (c.localName === "br") span.append(document.createElement("br"));
          if (c.localName === "tab") span.append("\t");
        }
        out.append(span);
      }
      if (!out.textContent) {
        out.style.fontSize = `${size || 12}pt`;
        out.innerHTML = "&nbsp;";
      }
      return out;
    };

    const table = (t: Element): HTMLElement => {
      const out = document.createElement("table");
      const borders = kid(kid(t, "tblPr"), "tblBorders");
      if (!borders || attr(kid(borders, "top"), "val") !== "none") out.className = "ruled";
      const cols = kids(kid(t, "tblGrid") as Element, "gridCol").map((g) => px(attr(g, "w")));
      out.style.width = `${cols.reduce((a, b) => a + b, 0)}px`;
      const colgroup = document.createElement("colgroup");
      for (const w of cols) {
        const col = document.createElement("col");
        col.style.width = `${w}px`;
        colgroup.append(col);
      }
      out.append(colgroup);
      for (const tr of kids(t, "tr")) {
        const row = document.createElement("tr");
        for (const tc of kids(tr, "tc")) {
          const cell = document.createElement("td");
          const span = attr(kid(kid(tc, "tcPr"), "gridSpan"), "val");
          if (span) cell.colSpan = Number(span);
          for (const c of [...tc.children]) block(c, cell);
          row.append(cell);
        }
        out.append(row);
      }
      return out;
    };

    const block = (el: Element, into: HTMLElement) => {
      if (el.localName === "p") into.append(paragraph(el));
      if (el.localName === "tbl") into.append(table(el));
    };

    const body = doc.getElementsByTagNameNS("*", "body")[0];
    if (!body) throw new Error("no w:body");
    const sect = kid(body, "sectPr");
    const size = kid(sect, "pgSz");
    const margin = kid(sect, "pgMar");
    const width = px(attr(size, "w") ?? "11906");
    const height = px(attr(size, "h") ?? "16838");
    const sheet = document.getElementById("sheet") as HTMLElement;
    Object.assign(sheet.style, {
      width: `${width}px`, height: `${height}px`,
      padding: `${px(attr(margin, "top"))}px ${px(attr(margin, "right"))}px ${px(attr(margin, "bottom"))}px ${px(attr(margin, "left"))}px`,
    });
    for (const c of [...body.children]) block(c, sheet);
    return { width, height };
  }, { source: xml, twipsPerPx: TWIPS_PER_PX });
}
