import { OrgPicker } from "../../scope/components/org-picker";
import { useOrgs } from "../../scope/hooks/use-orgs";
import { useScope } from "../../scope/hooks/use-scope";

/** The unit a page shows (in the URL, like the scope bar) without the self/subtree choice. */
export function UnitPickerBar() {
  const { tree } = useOrgs();
  const scope = useScope();
  return (
    <div className="unit-bar">
      <OrgPicker tree={tree} value={scope.org} onChange={(org) => scope.setScope({ org })} />
    </div>
  );
}
