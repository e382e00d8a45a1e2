import { Link } from "react-router-dom";
import { formatDate } from "../../../ui/format";
import { SortHeader } from "../../../ui/sort-header";
import type { DocumentItem } from "../api/documents.api";
import { DOCUMENT_TEXT as T } from "../texts";
import { CopiedShare } from "./copied-share";

type Props = {
  items: DocumentItem[];
  sort: string;
  onSort: (sort: string) => void;
  unitName: (code: string) => string;
  busy: boolean;
  search: string;
  /** the D5 threshold in force (percent): shares above it are marked */
  copyThreshold?: number | undefined;
};

function Flag({ value, yes, no }: { value: boolean; yes: string; no: string }) {
  return value ? <span className="flag-yes">✓ {yes}</span> : <span className="flag-no">✗ {no}</span>;
}

/** One page of documents; the number opens the record. */
export function DocumentTable({ items, sort, onSort, unitName, busy, search, copyThreshold }: Props) {
  return (
    <div className="table-wrap">
      <table className={`table ${busy ? "table--loading" : ""}`} aria-busy={busy}>
        <thead>
          <tr>
            <SortHeader label={T.colNumber} field="number" sort={sort} onSort={onSort} />
            <th scope="col">{T.colType}</th>
            <SortHeader label={T.colIssuedOn} field="issuedOn" sort={sort} onSort={onSort} />
            <th scope="col">{T.colSubject}</th>
            <th scope="col">{T.colUnit}</th>
            <th scope="col">{T.colDigitized}</th>
            <th scope="col">{T.colSent}</th>
            <th scope="col" className="num">{T.colCopied}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.id}>
              <td className="nowrap"><Link to={{ pathname: `/van-ban/${d.id}`, search }}>{d.number}</Link></td>
              <td title={d.typeName}>{d.type}</td>
              <td className="nowrap">{formatDate(d.issuedOn)}</td>
              <td className="subject">
                {d.subject}
                {d.secret && <> <span className="badge badge--neutral">{T.secretBadge}</span></>}
                {d.legalNormative && <> <span className="badge badge--neutral">{T.legalBadge}</span></>}
              </td>
              <td>{unitName(d.orgCode)}</td>
              <td className="nowrap"><Flag value={d.digitized} yes={T.yes} no={T.no} /></td>
              <td className="nowrap"><Flag value={d.sentElectronically} yes={T.yes} no={T.no} /></td>
              <td className="num nowrap"><CopiedShare share={d.copiedShare} threshold={copyThreshold} /></td>
            </tr>
          ))}
          {items.length === 0 && (
            <tr><td colSpan={8} className="empty">{T.empty}</td></tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
