// Full-text search over registered texts (issue "Document intelligence" §8): diacritic- and
// OCR-insensitive (query and texts cut into the same search tokens: domain/texts/search-snippet.ts), ranked, on
// PGlite and PostgreSQL alike (tsvector 'simple' over folded text; migration 0010). Scope: the
// unit asked for (the user's own by default) and, with `subtree`, the units below — as the register.
import type { AppContext } from "../context.js";
import type { SessionUser } from "../auth/policy.js";
import { AppError } from "../errors.js";
import { findDocumentsFull } from "../documents/document.repository.js";
import { presentDocument, type DocumentJson } from "../documents/document.presenter.js";
import { queryWords, searchQuery, searchSnippet, type Snippet } from "../domain/texts/search-snippet.js";
import { resolveListScope } from "../registers/register-scope.js";
import { findCopiedShares, findTexts, searchTexts } from "./text.repository.js";

export type SearchQuery = { q: string; org?: string | undefined; subtree: boolean; page: number; pageSize: number };

export type SearchResultJson = {
  items: Array<{ document: DocumentJson; rank: number; snippet: Snippet }>;
  total: number;
  totalExact: boolean;
  page: number;
  pageSize: number;
};

export async function searchDocumentTexts(ctx: AppContext, user: SessionUser, query: SearchQuery): Promise<SearchResultJson> {
  const scope = await resolveListScope(ctx, user, query.org, query.subtree);
  if (queryWords(query.q).length === 0) throw new AppError("VALIDATION", "q: cần ít nhất một từ (chữ hoặc số) để tìm");
  const folded = searchQuery(query.q);
  const db = ctx.handle.db;
  const found = await searchTexts(db, scope.orgIds, folded, query.pageSize, (query.page - 1) * query.pageSize);
  const ids = found.hits.map((h) => h.id);
  const [rows, texts, shares] = await Promise.all([findDocumentsFull(db, ids), findTexts(db, ids), findCopiedShares(db, ids)]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = found.hits.flatMap((h) => {
    const row = byId.get(h.id);
    if (!row) return [];
    const document = { ...presentDocument(ctx, row), hasText: true, copiedShare: shares.get(h.id) ?? null };
    return [{ document, rank: Math.round(h.rank * 10000) / 10000, snippet: searchSnippet(texts.get(h.id) ?? "", query.q) }];
  });
  return { items, total: found.total, totalExact: found.exact, page: query.page, pageSize: query.pageSize };
}
