import { formatNumber, formatPercent } from "../../../ui/format";
import type { ImportStage } from "../hooks/use-import";
import { IMPORT_TEXT as T } from "../texts";

const labelStyle = { whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis", marginBottom: 4 } as const;

/** One bar for the whole wait: the upload (0–100 %), then the server's reading, writing and
 * duplicate check with the rows done. Polls change the numbers every 400 ms, so only the stage
 * and the phase are announced to screen readers; the bar carries the full text. */
export function ImportProgress({ stage }: { stage: ImportStage }) {
  if (stage.stage === "idle") return null;
  if (stage.stage === "uploading") {
    const percent = Math.round(stage.fraction * 100);
    const label = T.uploading(formatPercent(percent));
    return (
      <div data-testid="import-uploading">
        <span className="sr-only" aria-live="polite">{T.uploadingAnnounce}</span>
        <div className="page-sub" style={labelStyle}>{label}</div>
        <div className="progress" role="progressbar" aria-label={T.progressLabel} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={label}>
          <span style={{ width: `${percent}%` }} />
        </div>
      </div>
    );
  }
  const { job } = stage;
  const percent = job?.progress === null || job?.progress === undefined ? null : Math.round(job.progress * 100);
  const phase = T.phases[job?.phase ?? "reading"];
  const label = job ? T.processingStatus(phase, formatNumber(job.rowsDone), percent === null ? null : formatPercent(percent)) : T.processingStart;
  return (
    <div data-testid="import-processing" data-phase={job?.phase ?? ""}>
      <span className="sr-only" aria-live="polite">{T.processingAnnounce(phase)}</span>
      <div className="page-sub" style={labelStyle}>{label}</div>
      <div className={`progress ${percent === null ? "progress--indeterminate" : ""}`} role="progressbar" aria-label={T.processingLabel}
        aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent ?? undefined} aria-valuetext={label}>
        <span style={{ width: `${percent ?? 0}%` }} />
      </div>
    </div>
  );
}
