import { Link } from "react-router-dom";
import { ApiError, isApiStatus } from "./api-client";
import { APP_TEXT } from "./texts";

/** The page shown when the server answers 403 for the unit asked for. */
export function ForbiddenView({ title = APP_TEXT.forbiddenTitle, body = APP_TEXT.forbiddenBody }: { title?: string; body?: string }) {
  return (
    <section className="panel empty" aria-labelledby="forbidden-title">
      <h1 id="forbidden-title">{title}</h1>
      <p>{body}</p>
      <p><Link className="btn btn--primary" to="/">{APP_TEXT.backToMyUnit}</Link></p>
    </section>
  );
}

/** A failed request: the 403 page, or the server's message with a retry button. */
export function ErrorView({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (isApiStatus(error, 403)) return <ForbiddenView />;
  const message =
    error instanceof ApiError ? (error.status === 0 ? APP_TEXT.networkError : error.message) : APP_TEXT.genericError;
  return (
    <div className="alert alert--error" role="alert">
      <p>{message}</p>
      {onRetry && <button type="button" className="btn btn--small" onClick={onRetry}>{APP_TEXT.retry}</button>}
    </div>
  );
}

/** True when any of the errors is a 403, so a page can show the 403 view once. */
export function hasForbidden(...errors: unknown[]): boolean {
  return errors.some((e) => isApiStatus(e, 403));
}
