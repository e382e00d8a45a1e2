import { useState } from "react";
import { useCurrentUser } from "../features/auth/hooks/use-session";
import { canManage } from "../features/auth/permissions";
import { useOrgs } from "../features/scope/hooks/use-orgs";
import type { UserAccount, UserChange } from "../features/users/api/users.api";
import { CreateUserForm, EditUserForm } from "../features/users/components/user-form";
import { UserTable } from "../features/users/components/user-table";
import { useCreateUser, useUpdateUser, useUsers } from "../features/users/hooks/use-users";
import { USER_TEXT as T } from "../features/users/texts";
import { ErrorView, ForbiddenView } from "../ui/error-view";
import { APP_TEXT } from "../ui/texts";

type Mode = { kind: "list" } | { kind: "create" } | { kind: "edit"; user: UserAccount };

/** Quản lý tài khoản (admins): the accounts of the admin's subtree; create, edit, lock. */
export function UsersPage() {
  const me = useCurrentUser();
  const { tree } = useOrgs();
  const users = useUsers(me.org.code);
  const create = useCreateUser();
  const update = useUpdateUser();
  const [mode, setMode] = useState<Mode>({ kind: "list" });
  const [flash, setFlash] = useState<string | null>(null);
  if (!canManage(me.role)) return <ForbiddenView title={APP_TEXT.roleForbiddenTitle} body={APP_TEXT.roleForbiddenBody} />;

  const done = () => { setMode({ kind: "list" }); setFlash(T.saved); };
  const units = tree?.list ?? [];
  return (
    <>
      <div className="page-head">
        <h1>{T.title}</h1>
        {mode.kind === "list" && <button type="button" className="btn btn--primary" onClick={() => { setFlash(null); create.reset(); setMode({ kind: "create" }); }}>+ {T.add}</button>}
      </div>
      <p className="page-sub">{T.lead}</p>
      {flash && <div className="alert alert--ok" role="status">{flash}</div>}
      {mode.kind === "create" && (
        <section className="panel" aria-label={T.createTitle}>
          <div className="panel__head"><h2>{T.createTitle}</h2></div>
          {create.error ? <ErrorView error={create.error} /> : null}
          <CreateUserForm units={units} busy={create.isPending} defaultOrgId={me.org.id} onCancel={() => setMode({ kind: "list" })}
            onSubmit={(v) => create.mutate(v, { onSuccess: done })} />
        </section>
      )}
      {mode.kind === "edit" && (
        <section className="panel" aria-label={T.editTitle(mode.user.username)}>
          <div className="panel__head"><h2>{T.editTitle(mode.user.username)}</h2></div>
          {update.error ? <ErrorView error={update.error} /> : null}
          <EditUserForm
            key={mode.user.id}
            units={units}
            busy={update.isPending}
            isSelf={mode.user.id === me.id}
            initial={{ fullName: mode.user.fullName, role: mode.user.role, orgId: mode.user.org.id, disabled: mode.user.disabled, password: "" }}
            onCancel={() => setMode({ kind: "list" })}
            onSubmit={(v) => {
              const change: UserChange = { fullName: v.fullName };
              if (mode.user.id !== me.id) Object.assign(change, { role: v.role, orgId: v.orgId, disabled: v.disabled });
              if (v.password) change.password = v.password;
              update.mutate({ id: mode.user.id, change }, { onSuccess: done });
            }}
          />
        </section>
      )}
      <section className="panel">
        {users.error ? <ErrorView error={users.error} onRetry={() => void users.refetch()} /> : users.data ? (
          <UserTable users={users.data} selfId={me.id} busy={update.isPending}
            onEdit={(u) => { setFlash(null); update.reset(); setMode({ kind: "edit", user: u }); }}
            onToggle={(u) => update.mutate({ id: u.id, change: { disabled: !u.disabled } }, { onSuccess: () => setFlash(T.saved) })} />
        ) : <div className="skeleton" style={{ height: 240 }} aria-busy="true" />}
      </section>
    </>
  );
}
