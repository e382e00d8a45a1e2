import type { OrgTree } from "../hooks/use-orgs";
import { SCOPE_TEXT } from "../texts";

/** The path from the user's unit down to the unit shown; each step goes back up the tree. */
export function Breadcrumbs({ tree, code, onSelect }: { tree: OrgTree | null; code: string; onSelect: (code: string) => void }) {
  const path = tree?.pathTo(code) ?? [];
  // a single step is just the unit's own name, which the page title already shows
  if (path.length < 2) return null;
  return (
    <nav className="breadcrumbs" aria-label={SCOPE_TEXT.breadcrumbs}>
      <ol>
        {path.map((o, i) =>
          i === path.length - 1 ? (
            <li key={o.code}><span aria-current="page">{o.name}</span></li>
          ) : (
            <li key={o.code}><button type="button" onClick={() => onSelect(o.code)}>{o.name}</button></li>
          ),
        )}
      </ol>
    </nav>
  );
}
