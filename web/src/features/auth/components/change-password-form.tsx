import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { Field } from "../../../ui/field";
import { ApiError } from "../../../ui/api-client";
import { APP_TEXT } from "../../../ui/texts";
import { AUTH_TEXT } from "../texts";
import { ZChangePasswordForm } from "../schema";

type Values = z.infer<typeof ZChangePasswordForm>;

type Props = {
  busy: boolean;
  error: unknown;
  done: boolean;
  onSubmit: (values: { currentPassword: string; newPassword: string }, reset: () => void) => void;
};

/** Current password, new password twice; validated as the user types. */
export function ChangePasswordForm({ busy, error, done, onSubmit }: Props) {
  const { register, handleSubmit, formState, reset } = useForm<Values>({
    resolver: zodResolver(ZChangePasswordForm),
    mode: "onChange",
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const e = formState.errors;
  return (
    <form onSubmit={handleSubmit((v) => onSubmit({ currentPassword: v.currentPassword, newPassword: v.newPassword }, () => reset()))} noValidate>
      <div className="form-grid">
        <Field label={AUTH_TEXT.currentPassword} error={e.currentPassword?.message}>
          {(p) => <input {...p} {...register("currentPassword")} className="input" type="password" autoComplete="current-password" />}
        </Field>
        <Field label={AUTH_TEXT.newPassword} hint={AUTH_TEXT.newPasswordHint} error={e.newPassword?.message}>
          {(p) => <input {...p} {...register("newPassword", { deps: ["confirmPassword"] })} className="input" type="password" autoComplete="new-password" />}
        </Field>
        <Field label={AUTH_TEXT.confirmPassword} error={e.confirmPassword?.message}>
          {(p) => <input {...p} {...register("confirmPassword")} className="input" type="password" autoComplete="new-password" />}
        </Field>
      </div>
      {error instanceof ApiError && <div className="alert alert--error" role="alert">{error.message}</div>}
      {done && <div className="alert alert--ok" role="status">{AUTH_TEXT.passwordChanged}</div>}
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>{busy ? APP_TEXT.saving : AUTH_TEXT.changePassword}</button>
      </div>
    </form>
  );
}
