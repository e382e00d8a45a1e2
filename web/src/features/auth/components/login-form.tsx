import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { Field } from "../../../ui/field";
import { ApiError } from "../../../ui/api-client";
import { AUTH_TEXT } from "../texts";
import { ZLoginForm } from "../schema";

type LoginValues = z.infer<typeof ZLoginForm>;

type LoginFormProps = {
  busy: boolean;
  error: unknown;
  onSubmit: (values: LoginValues) => void;
};

function loginErrorText(error: unknown): string | null {
  if (!error) return null;
  if (error instanceof ApiError) {
    if (error.status === 429) return error.message || AUTH_TEXT.rateLimited;
    if (error.status === 401) return error.message || AUTH_TEXT.wrongCredentials;
    return error.message;
  }
  return AUTH_TEXT.wrongCredentials;
}

/** Username and password; the page does the signing in. */
export function LoginForm({ busy, error, onSubmit }: LoginFormProps) {
  const { register, handleSubmit, formState } = useForm<LoginValues>({ resolver: zodResolver(ZLoginForm), mode: "onTouched" });
  const message = loginErrorText(error);
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate>
      <Field label={AUTH_TEXT.username} error={formState.errors.username?.message}>
        {(p) => <input {...p} {...register("username")} className="input" autoComplete="username" autoFocus />}
      </Field>
      <Field label={AUTH_TEXT.password} error={formState.errors.password?.message}>
        {(p) => <input {...p} {...register("password")} className="input" type="password" autoComplete="current-password" />}
      </Field>
      {message && <div className="alert alert--error" role="alert">{message}</div>}
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>{busy ? AUTH_TEXT.submitting : AUTH_TEXT.submit}</button>
      </div>
    </form>
  );
}
