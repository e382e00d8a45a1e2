import { Fragment, useState } from "react";
import { Link } from "react-router-dom";
import { ConfirmDialog } from "../../../ui/confirm-dialog";
import { formatDate, formatDateTime, formatNumber } from "../../../ui/format";
import { BLOC_LABEL, CATEGORY_LABEL, FORMAT_LABEL, SCOPE_LABEL, labelOf } from "../../../ui/texts";
import type { PlannedConference, PlannedConferenceInput } from "../api/conference-plans.api";
import { CONFERENCE_PLAN_TEXT as T } from "../texts";
import { ItemForm } from "./item-form";

type Props = {
  items: PlannedConference[];
  canEdit: boolean;
  busy: boolean;
  /** rules each planned conference breaks in the live check, by id */
  flags: Map<number, string[]>;
  search: string;
  /** the year's conferences, for the dates of those holding a planned one */
  meetings: ReadonlyArray<{ id: number; startAt: string }>;
  onSave: (itemId: number, input: PlannedConferenceInput) => Promise<unknown>;
  onDelete: (itemId: number) => Promise<unknown>;
  /** the edited row as typed (null when none), for the live check */
  onEditDraft: (itemId: number | null, input: PlannedConferenceInput | null) => void;
};

const COLUMNS = 8;

/** The planned conferences; a row turns into its form to be edited in place. */
export function PlannedTable({ items, canEdit, busy, flags, search, meetings, onSave, onDelete, onEditDraft }: Props) {
  const heldOn = new Map(meetings.map((m) => [m.id, m.startAt]));
  const [editing, setEditing] = useState<number | null>(null);
  const [deleting, setDeleting] = useState<PlannedConference | null>(null);
  return (
    <div className="table-wrap">
      <table className="table planned-table" data-testid="planned-table">
        <thead>
          <tr>
            <th scope="col">{T.colTitle}</th>
            <th scope="col">{T.colCategory}</th>
            <th scope="col">{T.colScopeFormat}</th>
            <th scope="col">{T.colWhen}</th>
            <th scope="col" className="num">{T.colSessions}</th>
            <th scope="col">{T.colChairBlocs}</th>
            <th scope="col">{T.colHeld}</th>
            <th scope="col"><span className="sr-only">{T.colActions}</span></th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <Fragment key={i.id}>
              {editing === i.id ? (
                <tr className="row--editing">
                  <td colSpan={COLUMNS}>
                    <ItemForm item={i} label={`${T.edit} «${i.title}»`} busy={busy} submitLabel={T.save}
                      onSubmit={async (input) => { await onSave(i.id, input); setEditing(null); }}
                      onCancel={() => setEditing(null)}
                      onDraft={(input) => onEditDraft(input ? i.id : null, input)} />
                  </td>
                </tr>
              ) : (
                <tr className={flags.has(i.id) ? "row--breach" : ""} data-item={i.title}>
                  <td className="subject">
                    {i.title}
                    {flags.has(i.id) && <div className="row-flag">{T.rowFlag((flags.get(i.id) ?? []).join(", "))}</div>}
                  </td>
                  <td>{labelOf(CATEGORY_LABEL, i.category)}</td>
                  <td>{labelOf(SCOPE_LABEL, i.scope)}<span className="cell-sub">{labelOf(FORMAT_LABEL, i.format)}</span></td>
                  <td className="nowrap">{i.plannedDate ? formatDate(i.plannedDate) : i.plannedMonth !== null ? T.month(i.plannedMonth) : "—"}</td>
                  <td className="num">{i.expectedSessions === null ? "—" : formatNumber(i.expectedSessions)}</td>
                  <td>{i.chair || "—"}<span className="cell-sub">{i.invitedBlocs.map((b) => labelOf(BLOC_LABEL, b)).join(", ")}</span></td>
                  <td>
                    {i.heldMeetingIds.length === 0 ? <span className="page-sub">{T.notHeld}</span>
                      : i.heldMeetingIds.map((id) => {
                        const held = heldOn.get(id);
                        return <Link key={id} className="held-link" to={{ pathname: `/hoi-nghi/${id}`, search }}>{held ? T.heldOn(formatDateTime(held).slice(0, 10)) : T.heldLink(id)}</Link>;
                      })}
                  </td>
                  <td>
                    {canEdit && (
                      <div className="row-actions">
                        <button type="button" className="btn btn--small" aria-label={`${T.edit} «${i.title}»`} onClick={() => setEditing(i.id)} disabled={editing !== null}>{T.edit}</button>
                        <button type="button" className="btn btn--small btn--ghost" aria-label={`${T.delete} «${i.title}»`} onClick={() => setDeleting(i)}>{T.delete}</button>
                      </div>
                    )}
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
          {items.length === 0 && <tr><td colSpan={COLUMNS} className="empty">{T.noItems}</td></tr>}
        </tbody>
      </table>
      <ConfirmDialog open={deleting !== null} title={T.confirmDeleteItemTitle} body={T.confirmDeleteItemBody(deleting?.title ?? "")}
        confirmLabel={T.delete} busy={busy}
        onConfirm={() => { if (deleting) void onDelete(deleting.id).finally(() => setDeleting(null)); }}
        onCancel={() => setDeleting(null)} />
    </div>
  );
}
