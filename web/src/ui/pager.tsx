import { formatNumber } from "./format";
import { PAGER_TEXT } from "./texts";


type PagerProps = {
  page: number;
  pageSize: number;
  total: number;
  totalExact: boolean;
  hasNext: boolean;
  noun: string;
  busy: boolean;
  onPage: (page: number) => void;
};

/** Paging controls of a register table (server-side paging). */
export function Pager({ page, pageSize, total, totalExact, hasNext, noun, busy, onPage }: PagerProps) {
  const pages = totalExact ? Math.max(1, Math.ceil(total / pageSize)) : null;
  return (
    <nav className="pager" aria-label={PAGER_TEXT.nav}>
      <span className="pager__info" aria-live="polite">
        {PAGER_TEXT.total(total, totalExact, noun)} · {PAGER_TEXT.page(page, pages)}
      </span>
      <button type="button" className="btn btn--small" disabled={page <= 1 || busy} onClick={() => onPage(1)}>{PAGER_TEXT.first}</button>
      <button type="button" className="btn btn--small" disabled={page <= 1 || busy} onClick={() => onPage(page - 1)}>{PAGER_TEXT.previous}</button>
      <button type="button" className="btn btn--small" disabled={!hasNext || busy} onClick={() => onPage(page + 1)}>{PAGER_TEXT.next}</button>
    </nav>
  );
}
