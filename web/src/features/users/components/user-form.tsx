import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Field } from "../../../ui/field";
import { APP_TEXT, ROLE_LABEL } from "../../../ui/texts";
import type { OrgUnit } from "../../scope/api/orgs.api";
import {
  ROLES, ZCreateUserForm, ZEditUserForm,
  type CreateUserInput, type CreateUserOutput, type EditUserInput, type EditUserOutput,
} from "../schema";
import { USER_TEXT as T } from "../texts";

function RoleSelect(props: React.SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select {...props} className="select">
      {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABEL[r]} — {T.roleHelp[r]}</option>)}
    </select>
  );
}

function UnitSelect({ units, ...props }: React.SelectHTMLAttributes<HTMLSelectElement> & { units: OrgUnit[] }) {
  return (
    <select {...props} className="select">
      {units.map((u) => <option key={u.id} value={u.id}>{u.name} ({u.code})</option>)}
    </select>
  );
}

type Common = { units: OrgUnit[]; busy: boolean; onCancel: () => void };

/** A new account: username, password, name, role and unit. */
export function CreateUserForm({ units, busy, onCancel, onSubmit, defaultOrgId }: Common & { defaultOrgId: number; onSubmit: (v: CreateUserOutput) => void }) {
  const { register, handleSubmit, formState } = useForm<CreateUserInput, unknown, CreateUserOutput>({
    resolver: zodResolver(ZCreateUserForm),
    mode: "onChange",
    defaultValues: { username: "", password: "", fullName: "", role: "officer", orgId: defaultOrgId },
  });
  const e = formState.errors;
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label={T.createTitle}>
      <fieldset disabled={busy} style={{ border: 0, padding: 0, margin: 0 }}>
        <div className="form-grid">
          <Field label={T.username} hint={T.usernameHint} error={e.username?.message}>
            {(p) => <input {...p} {...register("username")} className="input" autoComplete="off" />}
          </Field>
          <Field label={T.fullName} error={e.fullName?.message}>
            {(p) => <input {...p} {...register("fullName")} className="input" autoComplete="off" />}
          </Field>
          <Field label={T.password} hint={T.passwordHint} error={e.password?.message}>
            {(p) => <input {...p} {...register("password")} className="input" type="password" autoComplete="new-password" />}
          </Field>
          <Field label={T.role} error={e.role?.message}>{(p) => <RoleSelect {...p} {...register("role")} />}</Field>
          <Field label={T.unit} error={e.orgId?.message} className="span-2">{(p) => <UnitSelect {...p} {...register("orgId")} units={units} />}</Field>
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>{busy ? APP_TEXT.saving : T.save}</button>
        <button type="button" className="btn" onClick={onCancel}>{T.cancel}</button>
      </div>
    </form>
  );
}

/** Change an account's name, role, unit, lock, or reset its password. */
export function EditUserForm({ units, busy, onCancel, onSubmit, initial, isSelf }: Common & { initial: EditUserInput; isSelf: boolean; onSubmit: (v: EditUserOutput) => void }) {
  const { register, handleSubmit, formState } = useForm<EditUserInput, unknown, EditUserOutput>({
    resolver: zodResolver(ZEditUserForm),
    mode: "onChange",
    defaultValues: initial,
  });
  const e = formState.errors;
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate>
      <fieldset disabled={busy} style={{ border: 0, padding: 0, margin: 0 }}>
        <div className="form-grid">
          <Field label={T.fullName} error={e.fullName?.message}>
            {(p) => <input {...p} {...register("fullName")} className="input" autoComplete="off" />}
          </Field>
          <Field label={T.role} error={e.role?.message}>{(p) => <RoleSelect {...p} {...register("role")} disabled={isSelf} />}</Field>
          <Field label={T.unit} error={e.orgId?.message} className="span-2">{(p) => <UnitSelect {...p} {...register("orgId")} units={units} disabled={isSelf} />}</Field>
          <Field label={T.resetPassword} hint={T.resetPasswordHint} error={e.password?.message}>
            {(p) => <input {...p} {...register("password")} className="input" type="password" autoComplete="new-password" />}
          </Field>
          {!isSelf && <label className="check"><input type="checkbox" {...register("disabled")} /> {T.isDisabled}</label>}
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>{busy ? APP_TEXT.saving : T.save}</button>
        <button type="button" className="btn" onClick={onCancel}>{T.cancel}</button>
      </div>
    </form>
  );
}
