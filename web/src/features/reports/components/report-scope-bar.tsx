import { useId } from "react";
import { useSearchParams } from "react-router-dom";
import { OrgPicker } from "../../scope/components/org-picker";
import { PeriodPicker } from "../../scope/components/period-picker";
import { useOrgs } from "../../scope/hooks/use-orgs";
import { useScope } from "../../scope/hooks/use-scope";
import { tryParsePeriod, type Period } from "../../scope/period";
import { todayLocal } from "../../../ui/format";
import type { PeriodKindId } from "../api/reports.api";
import { REPORT_TEXT as T } from "../texts";

const KINDS: PeriodKindId[] = ["quarter", "half", "year", "month"];
const thisYear = () => Number(todayLocal().slice(0, 4));

/** The unit, year, kind of period and period of the report pages, all in the URL. */
export function useReportScope() {
  const { org, setScope } = useScope();
  const [params, setParams] = useSearchParams();
  const periodParam = tryParsePeriod(params.get("period") ?? "");
  const yearParam = Number(params.get("year"));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 && yearParam <= 2100 ? yearParam : (periodParam?.year ?? thisYear());
  const kindParam = params.get("kind");
  const kind = KINDS.includes(kindParam as PeriodKindId) ? (kindParam as PeriodKindId) : undefined;
  const period: Period = periodParam ?? (tryParsePeriod(`${year}Q${Math.ceil(Number(todayLocal().slice(5, 7)) / 3)}`) as Period);
  const set = (key: string, value: string | undefined) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    }, { replace: true });
  return {
    org, year, kind, period,
    setOrg: (code: string) => setScope({ org: code }),
    setYear: (y: number) => set("year", String(y)),
    setKind: (k: string) => set("kind", k || undefined),
    setPeriod: (p: string) => set("period", p),
  };
}

/** Unit picker with a year (and kind) or a period picker. */
export function ReportScopeBar({ withYear = true, withKind = false, withPeriod = false }: { withYear?: boolean; withKind?: boolean; withPeriod?: boolean }) {
  const id = useId();
  const { tree } = useOrgs();
  const s = useReportScope();
  const years = Array.from({ length: 5 }, (_, i) => thisYear() + 1 - i);
  if (!years.includes(s.year)) years.push(s.year);
  return (
    <div className="report-bar">
      <OrgPicker tree={tree} value={s.org} onChange={s.setOrg} />
      {withYear && (
        <div className="field">
          <label htmlFor={`${id}-year`}>{T.year}</label>
          <select id={`${id}-year`} className="select" value={s.year} onChange={(e) => s.setYear(Number(e.target.value))}>
            {years.sort((a, b) => b - a).map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </div>
      )}
      {withKind && (
        <div className="field">
          <label htmlFor={`${id}-kind`}>{T.kind}</label>
          <select id={`${id}-kind`} className="select" value={s.kind ?? ""} onChange={(e) => s.setKind(e.target.value)}>
            <option value="">{T.allKinds}</option>
            {KINDS.map((k) => <option key={k} value={k}>{T.kinds[k]}</option>)}
          </select>
        </div>
      )}
      {withPeriod && <PeriodPicker value={s.period} onChange={s.setPeriod} thisYear={thisYear()} />}
    </div>
  );
}
