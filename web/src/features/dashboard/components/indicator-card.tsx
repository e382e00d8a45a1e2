import { useId } from "react";
import { Link } from "react-router-dom";
import type { CardStatus, IndicatorCardView } from "../indicator-view";
import { DASHBOARD_TEXT as T } from "../texts";

const STATUS: Record<CardStatus, { icon: string; text: string; cls: string }> = {
  met: { icon: "✓", text: T.met, cls: "status--met" },
  failed: { icon: "✗", text: T.failed, cls: "status--failed" },
  unknown: { icon: "–", text: T.unknown, cls: "status--unknown" },
  neutral: { icon: "·", text: T.notApplicable, cls: "status--unknown" },
};

/** Met or not, as colour AND icon AND words (never colour alone). */
export function StatusPill({ status, label }: { status: CardStatus; label?: string }) {
  const s = STATUS[status];
  return (
    <span className={`status ${s.cls}`}>
      <span aria-hidden="true">{s.icon}</span>
      {label ?? s.text}
    </span>
  );
}

/** The rule text and its source, shown on hover and on keyboard focus of the ⓘ button. */
export function RuleTip({ id, ruleText, source }: { id: string; ruleText: string; source: string }) {
  const tipId = useId();
  return (
    <>
      <button type="button" className="card__info" aria-label={T.ruleSourceLabel(id)} aria-describedby={tipId}>i</button>
      <span role="tooltip" id={tipId} className="tooltip">
        {ruleText}
        <span className="tooltip__source">{source}</span>
      </span>
    </>
  );
}

/** One KL 226 indicator: value, target, status, detail, change vs last year, breach link. */
export function IndicatorCard({ view, breachHref }: { view: IndicatorCardView; breachHref: string | null }) {
  const headingId = useId();
  return (
    <article className="card" data-status={view.status} aria-labelledby={headingId} data-indicator={view.id}>
      <div className="card__top">
        <div>
          <div className="card__id">{view.id}</div>
          <h3 className="card__title" id={headingId}>{view.title}</h3>
        </div>
        <RuleTip id={view.id} ruleText={view.ruleText} source={view.source} />
      </div>
      {view.valueText !== null ? (
        <div className="card__value" data-testid="indicator-value">{view.valueText}</div>
      ) : (
        <div className="card__value card__value--muted" data-testid="indicator-value">{view.status === "neutral" ? T.notApplicable : T.unknown}</div>
      )}
      {view.targetText && <div className="card__target">{view.targetText}</div>}
      {view.detail && <div className="card__detail">{view.detail}</div>}
      {view.note && <div className="card__detail">{view.note}</div>}
      <div className={`card__trend trend ${view.trend ? `trend--${view.trend.tone}` : ""}`}>{view.trend?.text ?? ""}</div>
      <div className="card__foot">
        <StatusPill status={view.status} />
        {view.breach && breachHref && <Link to={breachHref}>{view.breach.label}</Link>}
      </div>
    </article>
  );
}

/** A placeholder of the same size while the sheet loads (no layout jump). */
export function IndicatorCardSkeleton() {
  return (
    <div className="card" aria-hidden="true">
      <div className="skeleton" style={{ width: 40, height: 12 }} />
      <div className="skeleton" style={{ width: "70%", height: 16 }} />
      <div className="skeleton" style={{ width: "50%", height: 30, marginTop: 6 }} />
      <div className="skeleton" style={{ width: "60%", height: 12 }} />
    </div>
  );
}
