// Cut the lines of one OCR'd task-table row into its five columns (ocr-task-table.ts): content,
// lead, coordinators, product, deadline. Every line holds, left to right, a piece (maybe empty)
// of each column; cells are top-aligned, so a column's pieces run from the row's first line
// without a gap. A line's cut is searched over all placements that
//  - cut at every "|" OCR kept (a border between two columns);
//  - keep each piece within its column's width (characters, as OCR set them);
//  - put only unit-name words in the unit columns and deadline words in the deadline column
//    (any word once the deadline reads "Sau khi …": an event);
// and a column that ends must read whole: units for the unit columns, a deadline for the last.
// The row's reading is the one of least cost: a piece that continues on the next line should
// fill its column (text wraps at the column's edge); a text cell should end a sentence where it
// ends; fewer pieces are better; and, given the word pairs of clean text (`knownPair`), a cut
// should not split a known pair on a line, nor a column join an unknown pair across lines.
// Two readings of equal cost: ambiguous, the row is not read.
import { isDeadlineCell, isDeadlineWord, isGarbled, isOneUnit, isUnitList, isUnitWord } from "./ocr-table-words.js";
import { foldText } from "./fold.js";

/** The five cells of a row. */
export type RowCells = { content: string; lead: string; coordinators: string; product: string; deadline: string };

type Token = { text: string; width: number; unit: boolean; deadline: boolean; garbled: boolean; first: string; last: string };
type Line = { tokens: Token[]; mustCut: Set<number> };
/** A cut of a line: the tokens of each column's piece, and what the cut costs in its line. */
type Cut = { pieces: Token[][]; cost: number };
type State = { cells: string[]; open: boolean[]; gaps: number[]; last: number[]; lastKey: string[]; cost: number };

/** Is "a b" (reading-view keys of two neighbouring syllables, "#" for a number) a pair of clean text? */
export type KnownPair = (a: string, b: string) => boolean;

const COLUMNS = 5;
const [CONTENT, LEAD, COORD, PRODUCT, DEADLINE] = [0, 1, 2, 3, 4] as const;
/** Widest piece of each column seen in seed 002 (characters), with a little room. */
const MAX_WIDTH = [34, 12, 15, 21, 11];
/** A piece continued on the next line should be about this wide (the column wrapped). */
const FULL_WIDTH = [22, 5, 6, 11, 3];
const BEAM = 100;
/** Costs (see above). */
const COST = { unfinishedText: 1, piece: 0.3, splitPair: 1, unknownJoin: 0.5, leadOfSeveral: 0.5, gap: 1 };
/** The best reading must beat every other by this much, or the row is not read. */
const MARGIN = 0.5;
const TEXT_END = /[.;)”"]$/;
/** Content and product: free text, the columns OCR may also break onto lines of their own. */
const isText = (c: number): boolean => c === CONTENT || c === PRODUCT;

/** Reading-view keys of a token's first and last syllables ("#" for digits only). */
function syllableKeys(token: string): { first: string; last: string } {
  const runs = foldText(token).match(/[a-z0-9]+/g) ?? [""];
  const key = (r: string): string => (/^\d+$/.test(r) ? "#" : r);
  return { first: key(runs[0] ?? ""), last: key(runs[runs.length - 1] ?? "") };
}

function lineOf(text: string): Line {
  const tokens: Token[] = [];
  const mustCut = new Set<number>();
  const parts = text.replace(/(^|\s)\[/g, "$1| ").split(/(\|)/);
  for (const part of parts) {
    if (part === "|") {
      mustCut.add(tokens.length);
      continue;
    }
    for (const t of part.split(/\s+/).filter((x) => x !== "")) {
      tokens.push({ text: t, width: t.length, unit: isUnitWord(t), deadline: isDeadlineWord(t), garbled: isGarbled(t), ...syllableKeys(t) });
    }
  }
  mustCut.delete(0);
  mustCut.delete(tokens.length);
  return { tokens, mustCut };
}

const isEvent = (deadline: string): boolean => /^(?:sau\s*khi|khi|theo)\b/.test(foldText(deadline));

/** Every cut of a line into five pieces (token ranges) that fits the rules. */
function cutsOf(line: Line, deadlineSoFar: string): Array<[number, number, number, number]> {
  const n = line.tokens.length;
  const width = (a: number, b: number): number => line.tokens.slice(a, b).reduce((s, t) => s + t.width, 0) + Math.max(0, b - a - 1);
  const fits = (col: number, a: number, b: number): boolean => {
    if (a === b) return true;
    const toks = line.tokens.slice(a, b);
    if (width(a, b) > (MAX_WIDTH[col] ?? 0)) return false;
    if (col === LEAD || col === COORD) return toks.every((t) => t.unit && !t.garbled);
    if (col === DEADLINE) {
      const event = isEvent(deadlineSoFar === "" ? toks.map((t) => t.text).join(" ") : deadlineSoFar);
      return toks.every((t) => !t.garbled && (t.deadline || event));
    }
    return true;
  };
  const out: Array<[number, number, number, number]> = [];
  for (let p1 = 0; p1 <= n; p1++) {
    if (!fits(CONTENT, 0, p1)) break;
    for (let p2 = p1; p2 <= n; p2++) {
      if (!fits(LEAD, p1, p2)) break;
      for (let p3 = p2; p3 <= n; p3++) {
        if (!fits(COORD, p2, p3)) break;
        for (let p4 = p3; p4 <= n; p4++) {
          if (!fits(PRODUCT, p3, p4)) break;
          if (!fits(DEADLINE, p4, n)) continue;
          if ([...line.mustCut].every((c) => c === p1 || c === p2 || c === p3 || c === p4)) out.push([p1, p2, p3, p4]);
        }
      }
    }
  }
  return out;
}

/** What a cut costs within its line: pieces, and known pairs split where OCR kept no "|". */
function cutCost(line: Line, cut: readonly number[], knownPair: KnownPair): number {
  const bounds = [0, ...cut, line.tokens.length];
  let cost = 0;
  for (let c = 0; c < COLUMNS; c++) if ((bounds[c + 1] ?? 0) > (bounds[c] ?? 0)) cost += COST.piece;
  for (const at of new Set(cut)) {
    const [a, b] = [line.tokens[at - 1], line.tokens[at]];
    if (a && b && !line.mustCut.has(at) && knownPair(a.last, b.first)) cost += COST.splitPair;
  }
  return cost;
}

/** Does a closed column read whole? Units for the unit columns (coordinators may be none), a deadline for the last. */
function readsWhole(col: number, text: string, planYear: number): boolean {
  if (col === LEAD) return isUnitList(text);
  if (col === COORD) return text === "" || isUnitList(text);
  if (col === DEADLINE) return isDeadlineCell(text, planYear);
  if (col === CONTENT) return text !== "";
  return true;
}

/**
 * The best BEAM states, at most two per future: states alike in everything later lines and the
 * end can see (open columns, gaps, last piece widths and syllables, unit and deadline cells)
 * differ only in text already placed — the best of them wins, the second tells if it is ambiguous.
 */
function keepDistinct(sorted: readonly State[]): State[] {
  const seen = new Map<string, number>();
  const out: State[] = [];
  for (const s of sorted) {
    const ends = s.cells.map((p) => p.slice(-1));
    const key = JSON.stringify([s.open, s.gaps, s.last, s.lastKey, ends, s.cells[LEAD], s.cells[COORD], s.cells[DEADLINE]]);
    const n = seen.get(key) ?? 0;
    if (n >= 2) continue;
    seen.set(key, n + 1);
    out.push(s);
    if (out.length >= BEAM) break;
  }
  return out;
}

const tidy = (cell: string): string => cell.replace(/\s+/g, " ").trim();

/** Cut a row's lines into its cells, or say why it cannot be read. */
export function splitRowLines(texts: readonly string[], planYear: number, knownPair: KnownPair = () => false): RowCells | { why: string } {
  const lines = texts.map(lineOf).filter((l) => l.tokens.length > 0);
  const closeCost = (c: number, text: string): number =>
    (c === CONTENT || c === PRODUCT) && text !== "" && !TEXT_END.test(text) ? COST.unfinishedText : c === LEAD && !isOneUnit(text) ? COST.leadOfSeveral : 0;
  let beam: State[] = [{ cells: ["", "", "", "", ""], open: [true, true, true, true, true], gaps: [0, 0, 0, 0, 0], last: [0, 0, 0, 0, 0], lastKey: ["", "", "", "", ""], cost: 0 }];
  for (const [i, line] of lines.entries()) {
    const next: State[] = [];
    const cutsByDeadline = new Map<string, Cut[]>();
    for (const s of beam) {
      const deadline = s.cells[DEADLINE] ?? "";
      const key = deadline === "" ? "" : isEvent(deadline) ? "event" : "date";
      let cuts = cutsByDeadline.get(key);
      if (cuts === undefined) {
        cuts = cutsOf(line, deadline).map((cut) => {
          const bounds = [0, ...cut, line.tokens.length];
          return { pieces: [0, 1, 2, 3, 4].map((c) => line.tokens.slice(bounds[c], bounds[c + 1])), cost: cutCost(line, cut, knownPair) };
        });
        cutsByDeadline.set(key, cuts);
      }
      for (const cut of cuts) {
        const state: State = { cells: [...s.cells], open: [...s.open], gaps: [...s.gaps], last: [...s.last], lastKey: [...s.lastKey], cost: s.cost + cut.cost };
        let ok = true;
        for (let c = 0; c < COLUMNS && ok; c++) {
          const piece = cut.pieces[c] ?? [];
          if (piece.length === 0) {
            if (state.open[c] && i > 0 && isText(c)) {
              state.gaps[c] = (state.gaps[c] ?? 0) + 1; // paused: free if the cell has ended, a cost if it resumes
            } else if (state.open[c] && (i === 0 || state.cells[c] !== "")) {
              state.open[c] = false;
              const text = state.cells[c] ?? "";
              ok = readsWhole(c, text, planYear);
              state.cost += closeCost(c, text);
            }
            continue;
          }
          if (!state.open[c]) {
            ok = false;
            continue;
          }
          if (i > 0) {
            state.cost += (state.gaps[c] ?? 0) * COST.gap;
            state.gaps[c] = 0;
            state.cost += Math.max(0, (FULL_WIDTH[c] ?? 0) - (state.last[c] ?? 0));
            if (isText(c) && !knownPair(state.lastKey[c] ?? "", piece[0]?.first ?? "")) state.cost += COST.unknownJoin;
          }
          const text = piece.map((t) => t.text).join(" ");
          state.cells[c] = state.cells[c] === "" ? text : `${state.cells[c]} ${text}`;
          state.last[c] = text.length;
          state.lastKey[c] = piece[piece.length - 1]?.last ?? "";
        }
        if (ok) next.push(state);
      }
    }
    next.sort((a, b) => a.cost - b.cost);
    beam = keepDistinct(next);
    if (beam.length === 0) return { why: `dòng ${i + 1} của nhiệm vụ không tách được thành cột` };
  }
  const done = beam
    .filter((s) => s.open.every((open, c) => !open || readsWhole(c, s.cells[c] ?? "", planYear)))
    .map((s) => ({ ...s, cost: s.cost + s.open.reduce((sum, open, c) => sum + (open ? closeCost(c, s.cells[c] ?? "") : 0), 0) }))
    .sort((a, b) => a.cost - b.cost);
  const best = done[0];
  if (best === undefined) return { why: "không đọc được đơn vị chủ trì, phối hợp hoặc thời hạn" };
  const cells = (s: State): RowCells => {
    const [content, lead, coordinators, product, deadline] = s.cells.map(tidy) as [string, string, string, string, string];
    return { content, lead, coordinators, product, deadline };
  };
  const rival = done.find((s) => s.cost < best.cost + MARGIN && JSON.stringify(cells(s)) !== JSON.stringify(cells(best)));
  if (rival) return { why: "hai cách tách cột gần như nhau: không chọn" };
  return cells(best);
}
