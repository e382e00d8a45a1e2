import { useId } from "react";
import { periodId, periodIndex, type Period, type PeriodKind } from "../period";
import { SCOPE_TEXT } from "../texts";

type PeriodPickerProps = { value: Period; onChange: (periodId: string) => void; thisYear: number };

const KINDS: Array<[PeriodKind, string]> = [
  ["year", SCOPE_TEXT.kindYear],
  ["half", SCOPE_TEXT.kindHalf],
  ["quarter", SCOPE_TEXT.kindQuarter],
  ["month", SCOPE_TEXT.kindMonth],
];

function partsOf(kind: PeriodKind): Array<[number, string]> {
  if (kind === "half") return [[1, SCOPE_TEXT.halfFirst], [2, SCOPE_TEXT.halfSecond]];
  if (kind === "quarter") return [1, 2, 3, 4].map((n) => [n, SCOPE_TEXT.quarter(n)]);
  if (kind === "month") return Array.from({ length: 12 }, (_, i) => [i + 1, SCOPE_TEXT.month(i + 1)]);
  return [];
}

/** Year, 6 months, quarter or month — three selects that compose a period id. */
export function PeriodPicker({ value, onChange, thisYear }: PeriodPickerProps) {
  const id = useId();
  const index = periodIndex(value);
  const years = Array.from({ length: 6 }, (_, i) => thisYear + 1 - i);
  if (!years.includes(value.year)) years.push(value.year);
  const parts = partsOf(value.kind);
  const changeKind = (kind: PeriodKind) => {
    // keep the part of the year the user was looking at when the kind changes
    const month = Number(value.start.slice(5, 7));
    const i = kind === "half" ? Math.ceil(month / 6) : kind === "quarter" ? Math.ceil(month / 3) : kind === "month" ? month : 1;
    onChange(periodId(kind, value.year, i));
  };
  return (
    <div className="field" role="group" aria-labelledby={`${id}-label`}>
      <span className="field__label" id={`${id}-label`}>{SCOPE_TEXT.period}</span>
      <div style={{ display: "flex", gap: 6 }}>
        <label className="sr-only" htmlFor={`${id}-kind`}>{SCOPE_TEXT.periodKind}</label>
        <select id={`${id}-kind`} className="select" value={value.kind} onChange={(e) => changeKind(e.target.value as PeriodKind)}>
          {KINDS.map(([k, label]) => <option key={k} value={k}>{label}</option>)}
        </select>
        {parts.length > 0 && (
          <>
            <label className="sr-only" htmlFor={`${id}-part`}>{SCOPE_TEXT.period}</label>
            <select id={`${id}-part`} className="select" value={index} onChange={(e) => onChange(periodId(value.kind, value.year, Number(e.target.value)))}>
              {parts.map(([n, label]) => <option key={n} value={n}>{label}</option>)}
            </select>
          </>
        )}
        <label className="sr-only" htmlFor={`${id}-year`}>{SCOPE_TEXT.year}</label>
        <select id={`${id}-year`} className="select" value={value.year} onChange={(e) => onChange(periodId(value.kind, Number(e.target.value), index))}>
          {years.sort((a, b) => b - a).map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
      </div>
    </div>
  );
}
