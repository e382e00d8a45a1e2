// Field-level scoring of `leloi parse` against the hand-written expected values
// (test/fixtures/seeds/expected-metadata.json). Text is compared loosely (looseKey: diacritics,
// case, spacing, punctuation and OCR-confused letters ignored); numbers, dates, codes exactly.
import { looseKey } from "../../server/src/domain/texts/fold.js";
import type { ParsedDocumentJson } from "../../server/src/intelligence/parse.service.js";

export type ExpectedDocument = {
  issuer: { name: string; parent: string | null } | null;
  number: string | null;
  type: { code: string; name: string } | null;
  place: string | null;
  date: string | null;
  subject: string | null;
  recipients: string[];
  signer: { name: string | null; position: string | null; onBehalf: string[] } | null;
  distribution: string[];
  references: Array<{ number: string; type: string | null; date: string | null; issuer: string | null }>;
  targets: Array<{ percent: number; direction: string; indicator: string | null; what?: string }>;
  /** A field left out is not scored (OCR destroyed it); content is compared as a prefix. */
  tasks: Array<{ tt: string; content?: string; lead?: string; coordinators?: string; product?: string; deadline?: string }>;
};

export const FIELDS = ["issuer", "number", "type", "place", "date", "subject", "recipients", "signer", "distribution", "references", "targets", "tasks"] as const;
export type FieldName = (typeof FIELDS)[number];

/** Per field: right as a whole; its items (scalars count 1) right / counted; items invented. */
export type FieldScore = { field: FieldName; right: boolean; items: number; itemsRight: number; invented: number; detail: string };

const same = (a: string | null | undefined, b: string | null | undefined): boolean =>
  a === null || a === undefined || b === null || b === undefined ? (a ?? null) === (b ?? null) : looseKey(a) === looseKey(b);

/** Items of a list in order: right when loosely equal; output items beyond the expected are invented. */
function scoreList(field: FieldName, expected: readonly string[], actual: readonly string[]): FieldScore {
  let right = 0;
  expected.forEach((e, i) => {
    if (same(e, actual[i])) right++;
  });
  const invented = Math.max(0, actual.length - expected.length);
  const ok = right === expected.length && invented === 0;
  return { field, right: ok, items: expected.length, itemsRight: right, invented, detail: ok ? "" : `expected ${JSON.stringify(expected)} got ${JSON.stringify(actual)}` };
}

function scalar(field: FieldName, ok: boolean, expected: unknown, actual: unknown): FieldScore {
  const invented = (expected === null || expected === undefined) && actual !== null && actual !== undefined ? 1 : 0;
  return { field, right: ok, items: 1, itemsRight: ok ? 1 : 0, invented, detail: ok ? "" : `expected ${JSON.stringify(expected)} got ${JSON.stringify(actual)}` };
}

/** Score every field of one document. */
export function scoreDocument(expected: ExpectedDocument, actual: ParsedDocumentJson): FieldScore[] {
  const out: FieldScore[] = [];
  const ei = expected.issuer;
  const ai = actual.issuer;
  out.push(scalar("issuer", ei === null ? ai === null : ai !== null && same(ei.name, ai.name) && same(ei.parent, ai.parent), ei, ai));
  out.push(scalar("number", expected.number === actual.number, expected.number, actual.number));
  out.push(scalar("type", expected.type === null ? actual.type === null : actual.type?.code === expected.type.code && actual.type.name === expected.type.name, expected.type, actual.type));
  out.push(scalar("place", same(expected.place, actual.place), expected.place, actual.place));
  out.push(scalar("date", expected.date === actual.date, expected.date, actual.date));
  out.push(scalar("subject", same(expected.subject, actual.subject), expected.subject, actual.subject));
  out.push(scoreList("recipients", expected.recipients, actual.recipients));
  out.push(scoreSigner(expected.signer, actual.signer));
  out.push(scoreList("distribution", expected.distribution, actual.distribution));
  out.push(scoreReferences(expected.references, actual.references));
  out.push(scoreTargets(expected.targets, actual.targets));
  out.push(scoreTasks(expected.tasks, actual.tasks));
  return out;
}

function scoreSigner(e: ExpectedDocument["signer"], a: ParsedDocumentJson["signer"]): FieldScore {
  if (e === null) return scalar("signer", a === null, e, a);
  const parts = [
    same(e.name, a?.name ?? null),
    same(e.position, a?.position ?? null),
    e.onBehalf.length === (a?.onBehalf.length ?? 0) && e.onBehalf.every((x, i) => same(x, a?.onBehalf[i])),
  ];
  const invented = (e.name === null && a?.name ? 1 : 0) + (e.position === null && a?.position ? 1 : 0) + Math.max(0, (a?.onBehalf.length ?? 0) - e.onBehalf.length);
  const right = parts.filter(Boolean).length;
  return { field: "signer", right: right === 3, items: 3, itemsRight: right, invented, detail: right === 3 ? "" : `expected ${JSON.stringify(e)} got ${JSON.stringify(a)}` };
}

function scoreReferences(expected: ExpectedDocument["references"], actual: ParsedDocumentJson["references"]): FieldScore {
  let right = 0;
  const wrong: string[] = [];
  for (const e of expected) {
    const a = actual.find((x) => x.number === e.number);
    const ok = a !== undefined && (a.type?.code ?? null) === e.type && a.date === e.date && same(e.issuer, a.issuer);
    if (ok) right++;
    else wrong.push(`${e.number}: got ${JSON.stringify(a ?? null)}`);
  }
  const invented = actual.filter((a) => !expected.some((e) => e.number === a.number));
  for (const a of invented) wrong.push(`invented ${a.number}`);
  const ok = right === expected.length && invented.length === 0;
  return { field: "references", right: ok, items: expected.length, itemsRight: right, invented: invented.length, detail: wrong.join("; ") };
}

function scoreTargets(expected: ExpectedDocument["targets"], actual: ParsedDocumentJson["targets"]): FieldScore {
  const used = new Set<number>();
  let right = 0;
  const wrong: string[] = [];
  for (const e of expected) {
    const i = actual.findIndex(
      (a, j) => !used.has(j) && a.percent === e.percent && a.direction === e.direction && a.indicator === e.indicator && (e.what === undefined || looseKey(a.what).includes(looseKey(e.what))),
    );
    if (i >= 0) {
      used.add(i);
      right++;
    } else wrong.push(`missing ${JSON.stringify(e)}`);
  }
  const invented = actual.filter((_, j) => !used.has(j));
  for (const a of invented) wrong.push(`invented ${a.percent}% ${a.direction} ${a.indicator ?? a.what}`);
  const ok = right === expected.length && invented.length === 0;
  return { field: "targets", right: ok, items: expected.length, itemsRight: right, invented: invented.length, detail: wrong.join("; ") };
}

/** Is the task read right in every field the expected value gives? (content: a prefix of what was read) */
export function taskRight(e: ExpectedDocument["tasks"][number], a: ParsedDocumentJson["tasks"][number] | undefined): boolean {
  return (
    a !== undefined &&
    a.tt === e.tt &&
    (e.content === undefined || looseKey(a.content).startsWith(looseKey(e.content))) &&
    (["lead", "coordinators", "product", "deadline"] as const).every((f) => e[f] === undefined || same(e[f], a[f]))
  );
}

/** Tasks are matched by TT: a task the parser left out is a miss, one it made up (a TT not expected) is invented. */
function scoreTasks(expected: ExpectedDocument["tasks"], actual: ParsedDocumentJson["tasks"]): FieldScore {
  const right = expected.filter((e) => taskRight(e, actual.find((a) => a.tt === e.tt))).length;
  const invented = actual.filter((a) => !expected.some((e) => e.tt === a.tt)).length;
  const ok = right === expected.length && invented === 0 && actual.length === expected.length;
  return { field: "tasks", right: ok, items: expected.length, itemsRight: right, invented, detail: ok ? "" : `${right}/${expected.length} tasks right, ${actual.length} read` };
}
