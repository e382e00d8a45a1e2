import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** Timestamps are written by the database (defaults) and read as Date. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns are read and written as "YYYY-MM-DD" strings (type parsers set in database.ts). */
type DateString = string;
type Json = ColumnType<unknown, string, string>;

/** Org unit (cơ quan, đơn vị): a node of the effective-dated tree. */
export interface OrgUnitsTable {
  id: Generated<number>;
  code: string;
  name: string;
  parent_id: number | null;
  level: "central" | "province" | "department" | "commune" | "office";
  bloc: "party" | "state" | "front";
  valid_from: DateString | null;
  valid_to: DateString | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** Predecessor links for mergers (hợp nhất) and splits (chia tách, with the share taken over). */
export interface OrgPredecessorsTable {
  org_id: number;
  predecessor_id: number;
  kind: "merge" | "split";
  share: ColumnType<number, number | undefined, number>;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  full_name: string;
  role: "admin" | "aggregator" | "officer" | "viewer";
  org_id: number;
  disabled: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: CreatedAt;
  expires_at: Date;
}

/** Document register (sổ văn bản đi): one row per document issued. */
export interface DocumentsTable {
  id: Generated<number>;
  org_id: number;
  number: string;
  type_code: string;
  issued_on: DateString;
  subject: Generated<string>;
  legal_normative: Generated<boolean>;
  secret: Generated<boolean>;
  sent_electronically: Generated<boolean>;
  digitized: Generated<boolean>;
  signer: string | null;
  import_id: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** Monthly counts of documents by type and flags, kept by statement triggers in the same
 * transaction as every write: the sheet reads its own writes with no aggregation job. */
export interface DocumentMonthlyTable {
  org_id: number;
  month: DateString;
  type_code: string;
  legal_normative: boolean;
  secret: boolean;
  digitized: boolean;
  sent_electronically: boolean;
  n: number;
}

/** Conference / meeting (hội nghị, cuộc họp). `sessions` is the half-day count (buổi) at write time. */
export interface MeetingsTable {
  id: Generated<number>;
  org_id: number;
  title: string;
  category: "quan_triet" | "chuyen_mon" | "quan_trong" | "dinh_ky" | "khac";
  scope: "toan_tinh" | "toan_xa" | "nganh" | "noi_bo";
  format: "truc_tiep" | "truc_tuyen" | "ket_hop";
  start_at: Date;
  end_at: Date;
  sessions: number;
  opening_min: number | null;
  conclusion_min: number | null;
  max_contribution_min: number | null;
  exception_decision: string | null;
  commune_participants: boolean | null;
  import_id: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** Administrative-procedure (TTHC) statistics per unit and month. */
export interface TthcStatsTable {
  org_id: number;
  month: DateString;
  received: number;
  processed_digitally: number;
  import_id: number | null;
  updated_at: UpdatedAt;
}

/** Per-jurisdiction overrides of the KL 226 defaults (domain/settings.ts), inherited down the tree. */
export interface JurisdictionSettingsTable {
  org_id: number;
  settings: Json;
  updated_at: UpdatedAt;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: CreatedAt;
  user_id: number | null;
  action: "create" | "update" | "delete" | "import" | "login" | "settings";
  entity: string;
  entity_id: string | null;
  org_id: number | null;
  before: Json | null;
  after: Json | null;
}

export interface ImportJobsTable {
  id: Generated<number>;
  kind: "orgs" | "documents" | "meetings" | "tthc";
  user_id: number | null;
  file_name: string;
  status: "running" | "succeeded" | "failed";
  rows_done: Generated<number>;
  inserted: Generated<number>;
  updated: Generated<number>;
  errors: Json | null;
  started_at: CreatedAt;
  finished_at: Date | null;
}

export interface Database {
  org_units: OrgUnitsTable;
  org_predecessors: OrgPredecessorsTable;
  users: UsersTable;
  sessions: SessionsTable;
  documents: DocumentsTable;
  document_monthly: DocumentMonthlyTable;
  meetings: MeetingsTable;
  tthc_stats: TthcStatsTable;
  jurisdiction_settings: JurisdictionSettingsTable;
  audit_log: AuditLogTable;
  import_jobs: ImportJobsTable;
}

export type OrgUnitRow = Selectable<OrgUnitsTable>;
export type UserRow = Selectable<UsersTable>;
export type DocumentRow = Selectable<DocumentsTable>;
export type NewDocument = Insertable<DocumentsTable>;
export type DocumentUpdate = Updateable<DocumentsTable>;
export type MeetingRow = Selectable<MeetingsTable>;
export type NewMeeting = Insertable<MeetingsTable>;
export type TthcRow = Selectable<TthcStatsTable>;
