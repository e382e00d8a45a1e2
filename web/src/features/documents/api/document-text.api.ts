// The text of a registered document, its copy check (D5), citations, "register from file" and
// full-text search (server/src/documents/document-text.routes.ts; data-contract.md §Document texts).
import { apiFetch, toApiError, type QueryParams } from "../../../ui/api-client";
import type { DocumentItem } from "./documents.api";

/** The last copy check of a document. */
export type CopyCheckSummary = {
  copiedShare: number;
  thresholdPercent: number;
  overThreshold: boolean;
  passageCount: number;
  sourcesCompared: number;
  countedChars: number;
  copiedChars: number;
  checkedAt: string;
};

/** Register fields as the text reads them, where they differ from the register. */
export type OfferedFields = Partial<{ number: string; type: string; issuedOn: string; subject: string; signer: string }>;

export type DocumentText = {
  documentId: number;
  number: string;
  orgCode: string;
  fileName: string | null;
  format: string;
  charCount: number;
  updatedAt: string;
  text: string;
  /** `leloi parse --json` without tasks; `restoredText` only for a text that reads as OCR'd */
  metadata: { notes?: string[]; taskCount?: number; restoredText?: string | null; restorations?: number } & Record<string, unknown>;
  copyCheck: CopyCheckSummary | null;
  offered?: OfferedFields;
  rechecked?: number;
};

export type Passage = { start: number; end: number; sourceDocumentId: number; sourceStart: number; sourceEnd: number; similarity: number };
export type CompareSource = { id: number; number: string; orgCode: string; orgName: string; issuedOn: string; type: string; typeName: string; text: string | null };
export type CopyView = {
  document: { id: number; number: string; orgCode: string; issuedOn: string; subject: string; text: string };
  copyCheck: CopyCheckSummary;
  passages: Passage[];
  sources: CompareSource[];
};

export type GraphDocument = { id: number; number: string; orgCode: string; orgName: string; issuedOn: string; type: string; typeName: string; subject: string; readable: boolean };
export type Citations = {
  implements: Array<{ number: string; type: string | null; citedOn: string | null; issuer: string | null; title: string | null; document: GraphDocument | null }>;
  implementedBy: GraphDocument[];
  implementedByHidden: number;
};

export type DocumentDraft = { orgCode: string | null; number: string | null; type: string | null; issuedOn: string | null; subject: string | null; signer: string | null };
export type DraftResult = { draft: DocumentDraft; unitCandidates: Array<{ code: string; name: string; score: number }>; parsed: { notes?: string[] } & Record<string, unknown> };

export type SearchResult = {
  items: Array<{ document: DocumentItem; rank: number; snippet: { text: string; highlights: Array<{ start: number; end: number }> } }>;
  total: number;
  totalExact: boolean;
  page: number;
  pageSize: number;
};

/** A file in multipart field «file» (fetch sets the boundary itself). */
async function sendFile<T>(method: "PUT" | "POST", path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append("file", file, file.name);
  let response: Response;
  try {
    response = await fetch(path, { method, body: form, credentials: "same-origin" });
  } catch {
    throw toApiError(0, "");
  }
  const text = await response.text();
  if (!response.ok) throw toApiError(response.status, text);
  return JSON.parse(text) as T;
}

export const fetchDocumentText = (id: number, signal?: AbortSignal) => apiFetch<DocumentText>(`/api/documents/${id}/text`, { signal });

/** A file, or a pasted text. */
export type TextUpload = { file: File } | { text: string; format: "text" | "markdown" };

export const uploadDocumentText = (id: number, upload: TextUpload) =>
  "file" in upload
    ? sendFile<DocumentText>("PUT", `/api/documents/${id}/text`, upload.file)
    : apiFetch<DocumentText>(`/api/documents/${id}/text`, { method: "PUT", body: upload });

export const deleteDocumentText = (id: number) => apiFetch<void>(`/api/documents/${id}/text`, { method: "DELETE" });

export const recheckDocumentText = (id: number) => apiFetch<DocumentText>(`/api/documents/${id}/text/check`, { method: "POST" });

export const fetchCopyView = (id: number, signal?: AbortSignal) => apiFetch<CopyView>(`/api/documents/${id}/copy`, { signal });

export const fetchCitations = (id: number, signal?: AbortSignal) => apiFetch<Citations>(`/api/documents/${id}/citations`, { signal });

export const draftFromFile = (file: File) => sendFile<DraftResult>("POST", "/api/documents/parse", file);

export const searchDocumentTexts = (query: QueryParams, signal?: AbortSignal) => apiFetch<SearchResult>("/api/documents/search", { query, signal });

/** Applies register fields read from the text (PATCH: only the fields sent change). */
export const applyOfferedFields = (id: number, fields: OfferedFields) =>
  apiFetch<DocumentItem>(`/api/documents/${id}`, { method: "PATCH", body: fields });
