// The only code that reads and writes a conference's papers (meeting_papers) and the columns of
// `meetings` this capability owns (papers_sent_at). Lists never load the file bytes.
import { sql, type Transaction } from "kysely";
import type { Db } from "../db/database.js";
import type { Database } from "../db/schema.js";

type Conn = Db | Transaction<Database>;

/** What the papers and conclusions of a conference need to know of it. */
export type MeetingHead = {
  id: number; org_id: number; title: string; start_at: Date; end_at: Date;
  agenda: string | null; papers_sent_at: Date | null; conclusion_plan_id: number | null;
};

/** A paper without its bytes. */
export type PaperMeta = { id: number; meeting_id: number; title: string; file_name: string | null; content_type: string | null; size: number | null; created_at: Date };

/** The conference `id`; `lock` takes a row lock for the rest of the transaction. */
export async function findMeetingHead(db: Conn, id: number, lock = false): Promise<MeetingHead | undefined> {
  let q = db.selectFrom("meetings")
    .select(["id", "org_id", "title", "start_at", "end_at", "agenda", "papers_sent_at", "conclusion_plan_id"])
    .where("id", "=", id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

const META = ["id", "meeting_id", "title", "file_name", "content_type", "created_at"] as const;
const size = sql<number | null>`octet_length(content)`.as("size");

/** The papers of a conference, oldest first. */
export async function listPapers(db: Conn, meetingId: number): Promise<PaperMeta[]> {
  const rows = await db.selectFrom("meeting_papers").select([...META, size]).where("meeting_id", "=", meetingId).orderBy("id").execute();
  return rows.map((r) => ({ ...r, size: r.size === null ? null : Number(r.size) }));
}

/** A paper's file, only if the paper belongs to that conference. */
export async function findPaperFile(db: Conn, meetingId: number, paperId: number) {
  return db.selectFrom("meeting_papers").select(["id", "title", "file_name", "content_type", "content"])
    .where("meeting_id", "=", meetingId).where("id", "=", paperId).executeTakeFirst();
}

/** Stores a paper with its file. */
export async function insertPaper(trx: Conn, values: { meeting_id: number; title: string; file_name: string; content_type: string; content: Buffer }): Promise<PaperMeta> {
  const row = await trx.insertInto("meeting_papers").values(values).returning([...META, size]).executeTakeFirstOrThrow();
  return { ...row, size: row.size === null ? null : Number(row.size) };
}

/** Removes a paper of that conference; undefined when there is none. */
export async function deletePaper(trx: Conn, meetingId: number, paperId: number): Promise<PaperMeta | undefined> {
  const row = await trx.deleteFrom("meeting_papers").where("meeting_id", "=", meetingId).where("id", "=", paperId).returning([...META, size]).executeTakeFirst();
  return row ? { ...row, size: row.size === null ? null : Number(row.size) } : undefined;
}

/** Records when the agenda and papers were sent; bumps updated_at so an open edit form sees the change. */
export async function setPapersSentAt(trx: Conn, meetingId: number, at: Date): Promise<void> {
  await trx.updateTable("meetings").set({ papers_sent_at: at, updated_at: sql<Date>`now()` }).where("id", "=", meetingId).execute();
}
