import { ROLE_LABEL, labelOf } from "../../../ui/texts";
import type { UserAccount } from "../api/users.api";
import { USER_TEXT as T } from "../texts";

type Props = { users: UserAccount[]; selfId: number; busy: boolean; onEdit: (u: UserAccount) => void; onToggle: (u: UserAccount) => void };

/** Accounts with their role, unit and state; edit, lock and unlock. */
export function UserTable({ users, selfId, busy, onEdit, onToggle }: Props) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{T.colUsername}</th>
            <th scope="col">{T.colFullName}</th>
            <th scope="col">{T.colRole}</th>
            <th scope="col">{T.colUnit}</th>
            <th scope="col">{T.colStatus}</th>
            <th scope="col">{T.colActions}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td className="nowrap">{u.username}</td>
              <td>{u.fullName}</td>
              <td>{labelOf(ROLE_LABEL, u.role)}</td>
              <td>{u.org.name}</td>
              <td>{u.disabled ? <span className="flag-no">✗ {T.disabled}</span> : <span className="flag-yes">✓ {T.active}</span>}</td>
              <td className="nowrap">
                <button type="button" className="btn btn--small" onClick={() => onEdit(u)}>{T.edit}</button>{" "}
                {u.id !== selfId && (
                  <button type="button" className="btn btn--small" disabled={busy} onClick={() => onToggle(u)}>{u.disabled ? T.unlock : T.lock}</button>
                )}
              </td>
            </tr>
          ))}
          {users.length === 0 && <tr><td colSpan={6} className="empty">{T.empty}</td></tr>}
        </tbody>
      </table>
    </div>
  );
}
