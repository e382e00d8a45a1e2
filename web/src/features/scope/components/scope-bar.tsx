import { todayLocal } from "../../../ui/format";
import { useOrgs } from "../hooks/use-orgs";
import { useScope } from "../hooks/use-scope";
import { Breadcrumbs } from "./breadcrumbs";
import { OrgPicker } from "./org-picker";
import { PeriodPicker } from "./period-picker";
import { SubtreeToggle } from "./subtree-toggle";

/** The bar under the header: unit, period (dashboard only) and self/subtree. */
export function ScopeBar({ withPeriod }: { withPeriod: boolean }) {
  const { tree } = useOrgs();
  const scope = useScope();
  return (
    <div className="scope-bar">
      <div className="scope-bar__inner">
        <OrgPicker tree={tree} value={scope.org} onChange={(org) => scope.setScope({ org })} />
        {withPeriod && <PeriodPicker value={scope.period} thisYear={Number(todayLocal().slice(0, 4))} onChange={(period) => scope.setScope({ period })} />}
        <SubtreeToggle value={scope.subtree} onChange={(subtree) => scope.setScope({ subtree })} />
      </div>
    </div>
  );
}

/** Breadcrumbs of the unit in the URL, each step a link back up the tree. */
export function UnitBreadcrumbs() {
  const { tree } = useOrgs();
  const scope = useScope();
  return <Breadcrumbs tree={tree} code={scope.org} onSelect={(org) => scope.setScope({ org })} />;
}

/** Name of the unit in the URL (its code until the tree has loaded). */
export function useUnitName(): string {
  const { tree } = useOrgs();
  const { org } = useScope();
  return tree?.byCode.get(org)?.name ?? org;
}
