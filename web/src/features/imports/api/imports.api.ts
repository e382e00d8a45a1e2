import { toApiError } from "../../../ui/api-client";

export type ImportKind = "documents" | "meetings" | "tthc" | "orgs";

/** The answer of a successful import (server/src/imports/import.schema.ts ZImportResult). */
export type ImportResult = { jobId: number; rows: number; inserted: number; updated: number; ignoredColumns?: string[] };

/** Uploads one file as multipart field `file`. XMLHttpRequest rather than fetch because only
 * it reports upload progress (`onProgress` gets 0..1). Rejects with an ApiError. */
export function uploadImport(kind: ImportKind, file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/imports/${kind}`);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.upload.onload = () => onProgress(1);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as ImportResult);
      else reject(toApiError(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(toApiError(0, ""));
    signal?.addEventListener("abort", () => xhr.abort());
    const body = new FormData();
    body.append("file", file, file.name);
    xhr.send(body);
  });
}

/** Header-only template of a register, as CSV or XLSX. */
export const templateUrl = (kind: ImportKind, format: "csv" | "xlsx") => `/api/imports/templates/${kind}.${format}`;
