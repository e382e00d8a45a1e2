// Keeps a document's text in step when the register changes the document itself (documents/
// document.service.ts calls these): a new number or subject rewrites the search vector; a new
// unit, date or secrecy gives the text row a new revision (so every process's index re-reads its
// scope: text-index.ts) and the document is checked again after the commit; a deleted document
// takes its text along (foreign key cascade) and the documents that took passages from it are
// checked again.
import type { AppContext } from "../context.js";
import type { Db } from "../db/database.js";
import type { DocumentRow } from "../db/schema.js";
import { searchFold } from "../domain/texts/search-snippet.js";
import { findChecksUsingSource, findText, touchText, updateSearchVector } from "./text.repository.js";
import { applyTextRemoval } from "./text-index.js";
import { recheckDocumentCopy } from "./text.service.js";

/** Inside the update's transaction; returns whether the document must be checked again after the commit. */
export async function syncTextOnUpdate(trx: Db, old: DocumentRow, row: DocumentRow): Promise<boolean> {
  const headChanged = old.number !== row.number || old.subject !== row.subject;
  const scopeChanged = old.org_id !== row.org_id || old.issued_on !== row.issued_on || old.secret !== row.secret;
  if (!headChanged && !scopeChanged) return false;
  const text = await findText(trx, row.id);
  if (!text) return false;
  if (headChanged) await updateSearchVector(trx, row.id, searchFold(`${row.number} ${row.subject}`), searchFold(text.text));
  if (scopeChanged) await touchText(trx, row.id);
  return scopeChanged;
}

/** After the update committed: the document's own check, and those that took passages from it. */
export async function recheckAfterUpdate(ctx: AppContext, id: number): Promise<void> {
  await recheckDocumentCopy(ctx, id);
  for (const user of await findChecksUsingSource(ctx.handle.db, id)) await recheckDocumentCopy(ctx, user);
}

/** Before a delete (outside its transaction): the documents whose checks used this one as a source. */
export async function checksUsing(ctx: AppContext, id: number): Promise<number[]> {
  return findChecksUsingSource(ctx.handle.db, id);
}

/** After the delete committed. */
export async function recheckAfterDelete(ctx: AppContext, id: number, users: readonly number[]): Promise<void> {
  applyTextRemoval(ctx, id);
  for (const user of users) if (user !== id) await recheckDocumentCopy(ctx, user);
}
