import { lazy, Suspense, useMemo } from "react";
import type { D2Value, Indicator } from "@server/domain/indicators.js";
import { ErrorView, ForbiddenView, hasForbidden } from "../ui/error-view";
import { useDashboard } from "../features/dashboard/hooks/use-dashboard";
import { describeIndicator } from "../features/dashboard/indicator-view";
import { IndicatorCard, IndicatorCardSkeleton } from "../features/dashboard/components/indicator-card";
import { D2Card } from "../features/dashboard/components/d2-card";
import { FormatShare } from "../features/dashboard/components/format-share";
import { QuotaPanel } from "../features/dashboard/components/quota-panel";
import { ChildrenTable } from "../features/dashboard/components/children-table";
import { DASHBOARD_TEXT as T } from "../features/dashboard/texts";
import { useOrgs } from "../features/scope/hooks/use-orgs";
import { useScope } from "../features/scope/hooks/use-scope";
import { UnitBreadcrumbs, useUnitName } from "../features/scope/components/scope-bar";
import { periodDays, periodLabel } from "../features/scope/period";
import { SCOPE_TEXT } from "../features/scope/texts";

// ECharts is the biggest library of the app: loaded on its own, so the cards do not wait for it
const MonthlyCharts = lazy(() => import("../features/dashboard/components/monthly-charts").then((m) => ({ default: m.MonthlyCharts })));

/** The charts' place while their code loads: same titles and height, so nothing moves. */
function ChartsPlaceholder() {
  return (
    <div className="charts">
      {[T.chartDocuments, T.chartMeetings].map((title) => (
        <div key={title}><div className="chart-title">{title}</div><div className="chart skeleton" /></div>
      ))}
    </div>
  );
}

/** Cards in reading order: documents and TTHC on the first row, conferences held on the second,
 * conferences planned ahead (M6–M9) on the third. */
const CARD_ORDER = ["D1", "D2", "D3", "D4", "T1", "M1", "M2", "M3", "M4", "M5", "M7", "M6", "M8", "M9"] as const;

/** Where a breach's records are listed: the register with the unit, range and breach filter. */
function registerHref(register: "documents" | "meetings", filter: Record<string, string>, org: string, subtree: boolean): string {
  const params = new URLSearchParams({ org, subtree: subtree ? "1" : "0", ...filter });
  return `${register === "documents" ? "/van-ban" : "/hoi-nghi"}?${params.toString()}`;
}

/** Tổng quan: the KL 226 sheet of a unit and period, the monthly trend, the conference
 * formats, the year's quota and the subordinate units furthest behind. */
export function DashboardPage() {
  const scope = useScope();
  const { tree } = useOrgs();
  const unitName = useUnitName();
  const { org, subtree, period } = scope;
  const childCount = tree?.byCode.get(org)?.childCount;

  // one request for every part: the server sums the unit's and its children's sheets together
  const dashboard = useDashboard({ org, period: period.id, subtree });
  const data = dashboard.data;
  const stale = dashboard.isPlaceholderData;

  const range = periodDays(period);
  const cards = useMemo(() => {
    if (!data) return null;
    const s = data.sheet;
    return CARD_ORDER.map((id) => {
      const ind = s.indicators[id];
      if (!ind) return null;
      const before = data.previous.indicators[id] as Indicator | undefined;
      return { id, ind, view: describeIndicator(id, ind, before, s.notes, range) };
    });
  }, [data, range.from, range.to]); // eslint-disable-line react-hooks/exhaustive-deps

  if (hasForbidden(dashboard.error)) return <ForbiddenView />;

  const m2 = data?.sheet.indicators.M2;
  const m3Scope = data?.sheet.indicators.M3?.scope;
  const busy = stale || dashboard.isFetching;
  return (
    <>
      <UnitBreadcrumbs />
      <div className="page-head">
        <h1>{T.title}</h1>
        <span className="page-sub" data-testid="dashboard-scope">
          {T.subtitle(unitName, periodLabel(period))} · {subtree ? SCOPE_TEXT.withSubtree : SCOPE_TEXT.selfOnly}
        </span>
      </div>

      {dashboard.error ? <ErrorView error={dashboard.error} onRetry={() => void dashboard.refetch()} /> : null}

      <section aria-labelledby="indicators-heading" aria-busy={busy}>
        <h2 id="indicators-heading" className="sr-only">{T.indicatorsHeading}</h2>
        <div className="cards" style={{ opacity: stale ? 0.6 : 1 }}>
          {cards
            ? cards.map((c) =>
                c === null ? null : c.id === "D2" ? (
                  <D2Card key="D2" value={c.ind.value as D2Value | null} ruleText={c.view.ruleText} source={c.view.source} />
                ) : (
                  <IndicatorCard
                    key={c.id}
                    view={c.view}
                    breachHref={c.view.breach ? registerHref(c.view.breach.register, c.view.breach.filter, org, subtree) : null}
                  />
                ),
              )
            : CARD_ORDER.map((id) => <IndicatorCardSkeleton key={id} />)}
        </div>
      </section>

      <div className="dash-grid">
        <section className="panel" aria-labelledby="chart-heading">
          <div className="panel__head"><h2 id="chart-heading">{T.chartHeading}</h2></div>
          <Suspense fallback={<ChartsPlaceholder />}>
            <MonthlyCharts data={data?.monthly} />
          </Suspense>
        </section>
        <section className="panel" aria-labelledby="format-heading">
          <div className="panel__head"><h2 id="format-heading">{T.formatHeading}</h2></div>
          {m2 ? (
            <FormatShare
              online={Number(m2.online ?? 0)}
              hybrid={Number(m2.hybrid ?? 0)}
              inPerson={Number(m2.inPerson ?? 0)}
              hybridCountsAsOnline={m2.hybridCountsAsOnline !== false}
            />
          ) : <div className="skeleton" style={{ height: 120 }} />}
          {data && data.sheet.notes.length > 0 && (
            <div style={{ marginTop: 16 }}>
              <h3>{T.notesHeading}</h3>
              <ul className="page-sub" style={{ paddingLeft: 18, margin: "4px 0 0" }}>
                {data.sheet.notes.map((n) => <li key={n}>{n}</li>)}
              </ul>
            </div>
          )}
        </section>
      </div>

      <div className="dash-grid">
        <section className="panel" aria-labelledby="children-heading">
          <div className="panel__head">
            <h2 id="children-heading">{T.childrenHeading}</h2>
            <span className="page-sub">{T.childrenHint}</span>
          </div>
          {childCount === 0 ? (
            <p className="empty">{T.childrenNone}</p>
          ) : data ? (
            <div style={{ opacity: stale ? 0.6 : 1 }}>
              <ChildrenTable rows={data.children.children} onDrill={(code) => scope.setScope({ org: code })} />
            </div>
          ) : <div className="skeleton" style={{ height: 220 }} aria-label={T.loadingPart} />}
        </section>
        <section className="panel" aria-labelledby="quota-heading">
          <div className="panel__head"><h2 id="quota-heading">{T.quotaHeading(period.year)}</h2></div>
          {data ? (
            <QuotaPanel quota={data.quota} wideScope={typeof m3Scope === "string" ? (T.wideName[m3Scope] ?? null) : null} />
          ) : <div className="skeleton" style={{ height: 220 }} />}
        </section>
      </div>
    </>
  );
}
