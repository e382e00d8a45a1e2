// The one way the web app talks to the API: JSON over fetch with the session cookie.
// A 401 anywhere signs the user out of the app (the session hook listens); every other
// failure becomes an ApiError carrying the server's code, message and details.

/** An API answer that was not 2xx. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** True for an ApiError with that HTTP status. */
export function isApiStatus(error: unknown, status: number): error is ApiError {
  return error instanceof ApiError && error.status === status;
}

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();

/** Called whenever the server answers 401 (session expired or signed out elsewhere). */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** Query-string values; undefined, null and "" are left out. */
export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** `path?query` without empty values; booleans as 1/0. */
export function withQuery(path: string, query?: QueryParams): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, typeof value === "boolean" ? (value ? "1" : "0") : String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Turns a non-2xx answer into an ApiError (and tells the app about a 401). */
export function toApiError(status: number, text: string): ApiError {
  let body: { error?: string; message?: string; details?: unknown } = {};
  try {
    body = text ? (JSON.parse(text) as typeof body) : {};
  } catch {
    // not JSON (e.g. a proxy error page): keep the status only
  }
  if (status === 401) unauthenticatedListeners.forEach((l) => l());
  return new ApiError(status, body.error ?? `HTTP_${status}`, body.message ?? `Lỗi ${status}`, body.details);
}

/** Calls the API and returns its JSON (undefined for 204). */
export async function apiFetch<T>(
  path: string,
  options: { method?: string; query?: QueryParams; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const init: RequestInit = { method: options.method ?? "GET", credentials: "same-origin", signal: options.signal, headers: {} };
  if (options.body !== undefined) {
    init.body = JSON.stringify(options.body);
    init.headers = { "content-type": "application/json" };
  }
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), init);
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "NETWORK", "Không kết nối được máy chủ");
  }
  const text = await response.text();
  if (!response.ok) throw toApiError(response.status, text);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Field reasons of a 400 answer (server/src/registers/register-errors.ts invalidFields). */
export function fieldProblemsOf(details: unknown): Array<{ field: string; reason: string }> {
  const fields = (details as { fields?: unknown } | undefined)?.fields;
  if (!Array.isArray(fields)) return [];
  return fields.filter((f): f is { field: string; reason: string } => typeof f?.field === "string" && typeof f?.reason === "string");
}
