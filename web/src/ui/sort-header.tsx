type SortHeaderProps = { label: string; field: string; sort: string; onSort: (sort: string) => void; className?: string };

/** A column header that sorts the table by `field` (click again to reverse). */
export function SortHeader({ label, field, sort, onSort, className }: SortHeaderProps) {
  const active = sort === field || sort === `-${field}`;
  const descending = sort === `-${field}`;
  const ariaSort = active ? (descending ? "descending" : "ascending") : "none";
  return (
    <th scope="col" aria-sort={ariaSort} className={className}>
      <button type="button" className="sort-btn" onClick={() => onSort(active && !descending ? `-${field}` : field)}>
        {label}
        <span aria-hidden="true">{active ? (descending ? "▼" : "▲") : "↕"}</span>
      </button>
    </th>
  );
}
