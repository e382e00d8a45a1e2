import { apiFetch, type QueryParams } from "../../../ui/api-client";

/** A document of the register (server/src/documents/document.presenter.ts DocumentJson). */
export type DocumentItem = {
  id: number;
  orgCode: string;
  number: string;
  type: string;
  typeName: string;
  issuedOn: string;
  subject: string;
  legalNormative: boolean;
  secret: boolean;
  sentElectronically: boolean;
  digitized: boolean;
  signer: string | null;
  createdAt: string;
  updatedAt: string;
  /** the document's text is registered (lists and reads) */
  hasText?: boolean;
  /** share (0..1) of its text found in upper-level texts at the last copy check (D5), null when not checked */
  copiedShare?: number | null;
};

/** One page of a register list (server/src/registers/paging.ts Page). */
export type RegisterPage<T> = {
  items: T[];
  total: number;
  totalExact: boolean;
  page: number | null;
  pageSize: number;
  nextCursor: string | null;
};

/** What the document form sends (the server normalises it again). */
export type DocumentInput = {
  orgCode: string;
  number: string;
  type: string;
  issuedOn: string;
  subject?: string | undefined;
  legalNormative?: boolean | undefined;
  secret?: boolean | undefined;
  sentElectronically?: boolean | undefined;
  digitized?: boolean | undefined;
  signer?: string | null | undefined;
};

/** The document register's page also carries the D5 threshold in force at the listed unit (percent). */
export type DocumentPage = RegisterPage<DocumentItem> & { copyThresholdPercent?: number };

export const fetchDocuments = (query: QueryParams, signal?: AbortSignal) =>
  apiFetch<DocumentPage>("/api/documents", { query, signal });

export const fetchDocument = (id: number, signal?: AbortSignal) => apiFetch<DocumentItem>(`/api/documents/${id}`, { signal });

export const createDocument = (body: DocumentInput) => apiFetch<DocumentItem>("/api/documents", { method: "POST", body });

export const updateDocument = (id: number, body: DocumentInput) => apiFetch<DocumentItem>(`/api/documents/${id}`, { method: "PATCH", body });

export const deleteDocument = (id: number) => apiFetch<void>(`/api/documents/${id}`, { method: "DELETE" });
