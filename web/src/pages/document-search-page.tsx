import { useState, type FormEvent } from "react";
import { Link, useLocation } from "react-router-dom";
import { SearchResults } from "../features/documents/components/search-results";
import { useTextSearch } from "../features/documents/hooks/use-document-text";
import { DOCUMENT_TEXT as T } from "../features/documents/texts";
import { UnitBreadcrumbs } from "../features/scope/components/scope-bar";
import { useOrgs } from "../features/scope/hooks/use-orgs";
import { useScope } from "../features/scope/hooks/use-scope";
import { ErrorView, ForbiddenView, hasForbidden } from "../ui/error-view";
import { Field } from "../ui/field";
import { Pager } from "../ui/pager";
import { useUrlFilters } from "../ui/use-url-filters";

const PAGE_SIZE = 20;
const KEYS = ["q"] as const;

/** /van-ban/tim-toan-van — full-text search in the texts of the unit's (or subtree's) documents. */
export function DocumentSearchPage() {
  const { org, subtree } = useScope();
  const { tree } = useOrgs();
  const location = useLocation();
  const { values, page, setFilters, setPage } = useUrlFilters(KEYS);
  const [q, setQ] = useState(values.q);
  const search = useTextSearch({ org, subtree, q: values.q, page, pageSize: PAGE_SIZE }, values.q.trim() !== "");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilters({ q: q.trim() });
  };
  if (hasForbidden(search.error)) return <ForbiddenView />;
  const data = search.data;
  return (
    <>
      <UnitBreadcrumbs />
      <p><Link to={{ pathname: "/van-ban", search: location.search }}>‹ {T.backToList}</Link></p>
      <div className="page-head"><h1>{T.searchTitle}</h1></div>
      <form className="filters" role="search" onSubmit={submit}>
        <Field label={T.searchField} hint={T.searchFieldHint} className="field--wide">
          {(p) => <input {...p} className="input" type="search" value={q} onChange={(e) => setQ(e.target.value)} />}
        </Field>
        <div className="field">
          <button type="submit" className="btn btn--primary">{T.searchSubmit}</button>
          <span className="field__error" />
        </div>
      </form>
      {search.error ? <ErrorView error={search.error} onRetry={() => void search.refetch()} /> : null}
      {values.q.trim() === "" ? <p className="muted">{T.searchStart}</p> : data ? (
        <section className="panel" aria-busy={search.isFetching}>
          <SearchResults result={data} unitName={(code) => tree?.byCode.get(code)?.name ?? code} />
          <Pager page={page} pageSize={PAGE_SIZE} total={data.total} totalExact={data.totalExact}
            hasNext={page * PAGE_SIZE < data.total} noun={T.noun} busy={search.isFetching} onPage={setPage} />
        </section>
      ) : !search.error ? <div className="skeleton" style={{ height: 240 }} aria-busy="true" /> : null}
    </>
  );
}
