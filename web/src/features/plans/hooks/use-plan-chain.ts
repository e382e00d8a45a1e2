import { useQuery } from "@tanstack/react-query";
import { fetchPlan, type PlanJson } from "../api/plans.api";

/** Longest chain followed (KL 226 → QĐ 534 → province → commune → office, with room). */
const MAX_DEPTH = 8;

export type ChainStep = { id: number; number: string; title: string; org: { name: string }; readable: boolean };

/** The upper documents a plan implements, top first: followed as far as the user may read;
 * a plan the user may not open is still named (from its child's link). */
export function usePlanChain(plan: PlanJson | undefined) {
  return useQuery({
    queryKey: ["plans", "chain", plan?.id, plan?.parentPlan?.id],
    enabled: plan !== undefined,
    queryFn: async ({ signal }) => {
      const steps: ChainStep[] = [];
      let parent = plan?.parentPlan ?? null;
      const seen = new Set<number>(plan ? [plan.id] : []);
      while (parent && !seen.has(parent.id) && steps.length < MAX_DEPTH) {
        seen.add(parent.id);
        const link = parent;
        try {
          const p = await fetchPlan(parent.id, signal);
          steps.unshift({ id: p.id, number: p.number, title: p.title, org: p.org, readable: true });
          parent = p.parentPlan;
        } catch {
          steps.unshift({ id: link.id, number: link.number, title: link.title, org: link.org, readable: false });
          parent = null;
        }
      }
      return steps;
    },
  });
}
