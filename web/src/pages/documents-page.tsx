import { Link, useLocation } from "react-router-dom";
import { useCurrentUser } from "../features/auth/hooks/use-session";
import { canWrite } from "../features/auth/permissions";
import { DocumentFilters, DOCUMENT_FILTER_KEYS } from "../features/documents/components/document-filters";
import { DocumentTable } from "../features/documents/components/document-table";
import { useDocumentList } from "../features/documents/hooks/use-documents";
import { DOCUMENT_TEXT as T } from "../features/documents/texts";
import { UnitBreadcrumbs } from "../features/scope/components/scope-bar";
import { useOrgs } from "../features/scope/hooks/use-orgs";
import { useScope } from "../features/scope/hooks/use-scope";
import { ErrorView, ForbiddenView, hasForbidden } from "../ui/error-view";
import { Flash } from "../ui/flash";
import { Pager } from "../ui/pager";
import { useCursorPaging, useUrlFilters } from "../ui/use-url-filters";

const PAGE_SIZE = 50;

/** Sổ văn bản: the register of the unit (or subtree), filtered, sorted and paged by the server. */
export function DocumentsPage() {
  const user = useCurrentUser();
  const { org, subtree } = useScope();
  const { tree } = useOrgs();
  const location = useLocation();
  const { values, page, setFilters, setPage, clear } = useUrlFilters(DOCUMENT_FILTER_KEYS);
  const sort = values.sort || "-issuedOn";
  const query = { org, subtree, ...values, sort, pageSize: PAGE_SIZE };
  const resetKey = JSON.stringify(query);
  const { cursor, remember } = useCursorPaging(resetKey, page);
  const list = useDocumentList(cursor ? { ...query, cursor } : { ...query, page });

  if (hasForbidden(list.error)) return <ForbiddenView />;
  const data = list.data;
  return (
    <>
      <UnitBreadcrumbs />
      <div className="page-head">
        <h1>{T.listTitle}</h1>
        <Link className="btn" to={{ pathname: "/van-ban/tim-toan-van", search: location.search }}>{T.searchLink}</Link>
        {canWrite(user.role) && (
          <Link className="btn btn--primary" to={{ pathname: "/van-ban/moi", search: location.search }}>+ {T.add}</Link>
        )}
      </div>
      <Flash />
      <DocumentFilters values={values} onChange={setFilters} onClear={clear} copyThreshold={list.data?.copyThresholdPercent} />
      {list.error ? <ErrorView error={list.error} onRetry={() => void list.refetch()} /> : null}
      {data ? (
        <>
          <DocumentTable
            items={data.items}
            sort={sort}
            onSort={(s) => setFilters({ sort: s })}
            unitName={(code) => tree?.byCode.get(code)?.name ?? code}
            busy={list.isPlaceholderData}
            search={location.search}
            copyThreshold={data.copyThresholdPercent}
          />
          <Pager
            page={page}
            pageSize={PAGE_SIZE}
            total={data.total}
            totalExact={data.totalExact}
            hasNext={data.nextCursor !== null}
            noun={T.noun}
            busy={list.isFetching}
            onPage={(n) => {
              if (n === page + 1 && data.nextCursor) remember(n, data.nextCursor);
              setPage(n);
            }}
          />
        </>
      ) : !list.error ? (
        <div className="skeleton" style={{ height: 420 }} aria-busy="true" />
      ) : null}
    </>
  );
}
