import { useState } from "react";
import { useChangePassword, useCurrentUser } from "../features/auth/hooks/use-session";
import { ChangePasswordForm } from "../features/auth/components/change-password-form";
import { AUTH_TEXT } from "../features/auth/texts";
import { ROLE_LABEL, labelOf } from "../ui/texts";

/** Tài khoản của tôi: who I am, and changing my password. */
export function AccountPage() {
  const user = useCurrentUser();
  const change = useChangePassword();
  const [done, setDone] = useState(false);
  return (
    <>
      <div className="page-head"><h1>{AUTH_TEXT.account}</h1></div>
      <section className="panel" aria-labelledby="profile-heading">
        <div className="panel__head"><h2 id="profile-heading">{AUTH_TEXT.profileTitle}</h2></div>
        <dl className="form-grid" style={{ margin: 0 }}>
          <div><dt className="field__label">{AUTH_TEXT.username}</dt><dd style={{ margin: 0 }}>{user.username}</dd></div>
          <div><dt className="field__label">{AUTH_TEXT.fullName}</dt><dd style={{ margin: 0 }}>{user.fullName}</dd></div>
          <div><dt className="field__label">{AUTH_TEXT.role}</dt><dd style={{ margin: 0 }}>{labelOf(ROLE_LABEL, user.role)}</dd></div>
          <div><dt className="field__label">{AUTH_TEXT.unit}</dt><dd style={{ margin: 0 }}>{user.org.name} ({user.org.code})</dd></div>
        </dl>
      </section>
      <section className="panel" aria-labelledby="password-heading">
        <div className="panel__head"><h2 id="password-heading">{AUTH_TEXT.changePasswordTitle}</h2></div>
        <ChangePasswordForm
          busy={change.isPending}
          error={change.error}
          done={done}
          onSubmit={(values, reset) => {
            setDone(false);
            change.mutate(values, { onSuccess: () => { setDone(true); reset(); } });
          }}
        />
      </section>
    </>
  );
}
