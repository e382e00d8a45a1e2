import { apiFetch, toApiError } from "../../../ui/api-client";

export type ImportKind = "documents" | "meetings" | "tthc" | "orgs";

/** What a running import does now (server/src/imports/import.progress.ts ImportPhase). */
export type ImportPhase = "reading" | "writing" | "checking";

/** An import job (server/src/imports/import.presenter.ts ImportJobView). */
export type ImportJob = {
  id: number;
  kind: ImportKind;
  fileName: string;
  status: "running" | "succeeded" | "failed";
  phase: ImportPhase | null;
  /** 0..1, below 1 while running; null when unknown */
  progress: number | null;
  rowsDone: number;
  inserted: number;
  updated: number;
  ignoredColumns: string[];
  error: { code: string; message: string } | null;
  /** `row N: column: reason` lines (at most 1,000) and their exact count */
  errors: string[];
  errorCount: number;
};

/** Uploads one file as multipart field `file` with `async=1`: the server answers 202 `{ jobId }`
 * as soon as the import has started, before it reads the rows. XMLHttpRequest rather than
 * fetch because only it reports upload progress (`onProgress` gets 0..1). Rejects with an
 * ApiError for what is refused at once (no right, bad extension, …). */
export function startImport(kind: ImportKind, file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<{ jobId: number }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/imports/${kind}?async=1`);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.upload.onload = () => onProgress(1);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as { jobId: number });
      else reject(toApiError(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(toApiError(0, ""));
    xhr.onabort = () => reject(new DOMException("Đã hủy", "AbortError"));
    signal?.addEventListener("abort", () => xhr.abort());
    const body = new FormData();
    body.append("file", file, file.name);
    xhr.send(body);
  });
}

/** Status, progress and outcome of an import. */
export const fetchImportJob = (id: number, signal?: AbortSignal) => apiFetch<ImportJob>(`/api/imports/${id}`, { signal });

/** Header-only template of a register, as CSV or XLSX. */
export const templateUrl = (kind: ImportKind, format: "csv" | "xlsx") => `/api/imports/templates/${kind}.${format}`;
