import { useState } from "react";
import { Link } from "react-router-dom";
import { ErrorView } from "../../../ui/error-view";
import { formatDateTime } from "../../../ui/format";
import type { Occurrence, UpdateJson } from "../api/plans.api";
import { evidenceUrl } from "../api/plans.api";
import { useReopen, useReportProgress } from "../hooks/use-plans";
import { periodText } from "../plan-format";
import { PLAN_TEXT as T } from "../texts";
import { ProgressForm } from "./progress-form";
import { StatusBadge } from "./status-badge";

type Props = {
  occurrences: Array<Occurrence & { updates?: UpdateJson[] }>;
  leadCode: string | null;
  canReport: boolean;
  /** a label naming the task, for the buttons of screen readers */
  taskLabel: string;
  onReported?: () => void;
};

function Updates({ updates }: { updates: UpdateJson[] }) {
  if (updates.length === 0) return <p className="page-sub">{T.noUpdates}</p>;
  return (
    <ul className="updates" aria-label={T.updates}>
      {updates.map((u) => (
        <li key={u.id}>
          {u.note && <div>{u.note}</div>}
          {u.evidenceDocumentId !== null && <div><Link to={`/van-ban/${u.evidenceDocumentId}`}>{T.evidenceDoc(u.evidenceDocumentId)}</Link></div>}
          {u.evidenceFile && <div><a href={evidenceUrl(u.id)} download>{u.evidenceFile.name}</a></div>}
          <div className="by">{T.updateBy(u.user, formatDateTime(u.at))}</div>
        </li>
      ))}
    </ul>
  );
}

/** The occurrences of a task, each with its derived status and, for the lead unit, a progress
 * form (one open at a time) or a reopen button once completed. */
export function OccurrenceList({ occurrences, leadCode, canReport, taskLabel, onReported }: Props) {
  const [open, setOpen] = useState<number | null>(null);
  const report = useReportProgress();
  const reopen = useReopen();
  if (occurrences.length === 0) return <p className="page-sub">{T.noDueYet}</p>;
  return (
    <>
      {reopen.error ? <ErrorView error={reopen.error} /> : null}
      <ul className="occ-list" aria-label={T.occurrences}>
      {occurrences.map((o) => (
        <li key={o.id} className="occ" data-occurrence={o.period} data-status={o.status}>
          <span className="occ__period">{periodText(o.period)}</span>
          <StatusBadge status={o.status} />
          <span className="occ__dates">
            {T.due(o.due)}{o.completedOn ? ` · ${T.completedOn(o.completedOn)}` : ""}
          </span>
          {canReport && leadCode && (
            <span className="occ__actions">
              {o.completedOn === null ? (
                <button type="button" className="btn btn--small" aria-expanded={open === o.id}
                  aria-label={`${T.report}: ${taskLabel}, ${periodText(o.period)}`}
                  onClick={() => { report.reset(); setOpen(open === o.id ? null : o.id); }}>
                  {T.report}
                </button>
              ) : (
                <button type="button" className="btn btn--small" disabled={reopen.isPending}
                  aria-label={`${T.reopen}: ${taskLabel}, ${periodText(o.period)}`}
                  onClick={() => reopen.mutate(o.id)}>
                  {T.reopen}
                </button>
              )}
            </span>
          )}
          {o.updates && o.updates.length > 0 && <div style={{ flexBasis: "100%" }}><Updates updates={o.updates} /></div>}
          {open === o.id && leadCode && (
            <ProgressForm
              occurrence={o}
              leadCode={leadCode}
              busy={report.isPending}
              error={report.error}
              onCancel={() => setOpen(null)}
              onSubmit={(r) => report.mutate({ occurrenceId: o.id, ...r }, { onSuccess: () => { setOpen(null); onReported?.(); } })}
            />
          )}
        </li>
      ))}
    </ul>
    </>
  );
}

