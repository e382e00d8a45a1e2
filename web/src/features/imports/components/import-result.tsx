import { useEffect, useRef } from "react";
import { formatNumber } from "../../../ui/format";
import { IMPORT_TEXT as T } from "../texts";

/** What a finished import wrote (a succeeded job: `rows` = its rowsDone). */
export type ImportOutcome = { rows: number; inserted: number; updated: number; ignoredColumns?: string[] };

/** The result takes the focus when it appears: the form was disabled while the import ran, so
 * a keyboard user continues from the result. */
function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

/** "row 3: issued_on: reason" → its parts (a header problem has no row number). */
export function parseRowError(line: string): { row: string; column: string; reason: string } {
  const m = /^row (\d+): ([^:]+): (.*)$/s.exec(line);
  if (m) return { row: m[1] ?? "", column: m[2] ?? "", reason: m[3] ?? "" };
  const h = /^header: (.*)$/s.exec(line);
  if (h) return { row: T.rowHeader, column: "", reason: h[1] ?? "" };
  return { row: "", column: "", reason: line };
}

export function ImportSuccess({ result }: { result: ImportOutcome }) {
  const ref = useFocusOnMount<HTMLDivElement>();
  return (
    <div className="alert alert--ok" role="status" data-testid="import-success" tabIndex={-1} ref={ref}>
      <h3>{T.successTitle}</h3>
      <p>{T.successBody(formatNumber(result.rows), formatNumber(result.inserted), formatNumber(result.updated))}</p>
      {result.ignoredColumns && result.ignoredColumns.length > 0 && <p>{T.ignoredColumns(result.ignoredColumns.join(", "))}</p>}
    </div>
  );
}

/** Every bad row the server listed, as a table (row, column, reason). */
export function ImportErrors({ message, errors, errorCount }: { message: string; errors: string[]; errorCount: number }) {
  const rows = errors.map(parseRowError);
  const ref = useFocusOnMount<HTMLDivElement>();
  return (
    <div className="alert alert--error" role="alert" data-testid="import-errors" tabIndex={-1} ref={ref}>
      <h3>{T.failedTitle}</h3>
      <p>{errorCount > 0 ? T.failedCount(formatNumber(errorCount)) : message}</p>
      {rows.length > 0 && (
        <div className="table-wrap" style={{ maxHeight: 360, overflowY: "auto", marginTop: 8 }}>
          <table className="table">
            <thead><tr><th scope="col" className="num">{T.colRow}</th><th scope="col">{T.colColumn}</th><th scope="col">{T.colReason}</th></tr></thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}><td className="num">{r.row}</td><td>{r.column}</td><td>{r.reason}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {errors.length < errorCount && rows.length > 0 && <p>{T.moreErrors(formatNumber(errorCount - errors.length))}</p>}
    </div>
  );
}
