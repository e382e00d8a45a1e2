import { formatPercent } from "../../../ui/format";
import "../documents.css";
import { DOCUMENT_TEXT as T } from "../texts";

/** A copied share (0..1) as "37,7%"; red with a badge above the D5 threshold (percent). */
export function CopiedShare({ share, threshold }: { share: number | null | undefined; threshold: number | undefined }) {
  if (share === null || share === undefined) return <span className="muted">{T.notChecked}</span>;
  const percent = Math.round(share * 1000) / 10;
  const over = threshold !== undefined && share * 100 > threshold;
  return over ? (
    <span className="copied copied--over" title={T.overThresholdTitle(formatPercent(threshold))} data-testid="copied-share">
      <span className="badge">{formatPercent(percent)}</span>
    </span>
  ) : (
    <span className="copied" data-testid="copied-share">{formatPercent(percent)}</span>
  );
}

/** Share as text: 0.377 → "37,7%". */
export const sharePercent = (share: number): string => formatPercent(Math.round(share * 1000) / 10);
