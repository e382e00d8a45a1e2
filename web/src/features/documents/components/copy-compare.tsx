import { useEffect, useMemo, useRef, useState } from "react";
import { Link } from "react-router-dom";
import { formatDate, formatPercent } from "../../../ui/format";
import type { CopyView, Passage } from "../api/document-text.api";
import { DOCUMENT_TEXT as T } from "../texts";
import { sharePercent } from "./copied-share";
import "../documents.css";

/** Pieces of `text`: plain, or inside range `index` (where ranges overlap, the earliest-starting wins). */
export function segmentsOf(length: number, ranges: ReadonlyArray<{ start: number; end: number }>): Array<{ start: number; end: number; index: number | null }> {
  const cuts = new Set<number>([0, length]);
  for (const r of ranges) {
    cuts.add(Math.max(0, Math.min(length, r.start)));
    cuts.add(Math.max(0, Math.min(length, r.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Array<{ start: number; end: number; index: number | null }> = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    let index: number | null = null;
    ranges.forEach((r, k) => {
      if (r.start <= start && end <= r.end && (index === null || r.start < ranges[index]!.start)) index = k;
    });
    out.push({ start, end, index });
  }
  return out;
}

type Props = { view: CopyView };

/** The checked text with each copied passage marked by source; the chosen passage's source beside it. */
export function CopyCompare({ view }: Props) {
  const [active, setActive] = useState<number | null>(view.passages.length > 0 ? 0 : null);
  const colour = useMemo(() => new Map(view.sources.map((s, i) => [s.id, i % 5])), [view.sources]);
  const sourceOf = (p: Passage) => view.sources.find((s) => s.id === p.sourceDocumentId);
  const activePassage = active === null ? null : view.passages[active] ?? null;
  const source = activePassage ? sourceOf(activePassage) : undefined;
  const sourceBox = useRef<HTMLDivElement | null>(null);
  const docBox = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    // bring the chosen passage into view inside each text box (not the page)
    for (const box of [docBox.current, sourceBox.current]) {
      const mark = box?.querySelector<HTMLElement>("mark.is-active");
      if (box && mark) box.scrollTo({ top: Math.max(0, mark.offsetTop - box.clientHeight / 3), behavior: "smooth" });
    }
  }, [active]);

  const docSegments = segmentsOf(view.document.text.length, view.passages);
  const sourcePassages = activePassage ? view.passages.map((p, i) => ({ p, i })).filter(({ p }) => p.sourceDocumentId === activePassage.sourceDocumentId) : [];
  const srcSegments = source?.text ? segmentsOf(source.text.length, sourcePassages.map(({ p }) => ({ start: p.sourceStart, end: p.sourceEnd }))) : [];
  const label = (p: Passage, i: number) => T.passageLabel(i + 1, formatPercent(Math.round(p.similarity * 100)), sourceOf(p)?.number ?? String(p.sourceDocumentId));

  return (
    <>
      <p className="page-sub">{T.compareLead}</p>
      <div className="text-summary">
        <span>{T.copiedShare}</span>
        <span className={`text-summary__share ${view.copyCheck.overThreshold ? "text-summary__share--over" : ""}`}>{sharePercent(view.copyCheck.copiedShare)}</span>
        <span className="muted">{T.copiedDetail(view.copyCheck.passageCount, view.copyCheck.sourcesCompared)}</span>
      </div>
      <div className="compare__legend" aria-label={T.compareSource}>
        {view.sources.map((s) => (
          <span key={s.id}>
            <span className={`compare__swatch copy-src-${colour.get(s.id) ?? 0}`} />
            {s.typeName} {s.number} ({formatDate(s.issuedOn)}) — {s.orgName}
          </span>
        ))}
      </div>
      {view.passages.length === 0 ? <p className="muted">{T.compareNoPassages}</p> : null}
      <div className="compare">
        <div>
          <h2>{view.document.number}</h2>
          <div className="compare__text" data-testid="compare-document" ref={docBox}>
            {docSegments.map((s) => {
              const text = view.document.text.slice(s.start, s.end);
              if (s.index === null) return <span key={s.start}>{text}</span>;
              const p = view.passages[s.index]!;
              const isActive = s.index === active;
              return (
                <mark key={s.start} className={`copy-src-${colour.get(p.sourceDocumentId) ?? 0} ${isActive ? "is-active" : ""}`} title={label(p, s.index)}
                  tabIndex={0} role="button" aria-pressed={isActive} data-passage={s.index}
                  onClick={() => setActive(s.index)} onKeyDown={(e) => { if (e.key === "Enter" || e.key === " ") setActive(s.index); }}>
                  {text}
                </mark>
              );
            })}
          </div>
        </div>
        <div>
          <h2>{T.compareSource}</h2>
          {!activePassage ? <p className="muted">{T.comparePick}</p> : !source?.text ? <p className="muted">{T.compareSourceUnavailable}</p> : (
            <>
              <p data-testid="compare-source-title">
                <strong>{source.typeName} {source.number}</strong> ngày {formatDate(source.issuedOn)} — {source.orgName}
                <br /><span className="muted">{label(activePassage, active ?? 0)}</span>
              </p>
              <div className="compare__text" data-testid="compare-source" ref={sourceBox}>
                {srcSegments.map((s) => {
                  const text = source.text!.slice(s.start, s.end);
                  if (s.index === null) return <span key={s.start}>{text}</span>;
                  const { i } = sourcePassages[s.index]!;
                  const isActive = i === active;
                  return (
                    <mark key={s.start} className={`copy-src-${colour.get(source.id) ?? 0} ${isActive ? "is-active" : ""}`} onClick={() => setActive(i)}>
                      {text}
                    </mark>
                  );
                })}
              </div>
            </>
          )}
        </div>
      </div>
      <p><Link to={`/van-ban/${view.document.id}`}>‹ {T.backToDocument}</Link></p>
    </>
  );
}
