import { apiFetch } from "../../../ui/api-client";

/** An org unit as GET /api/orgs lists it (server/src/orgs/org.presenter.ts OrgView). */
export type OrgUnit = {
  id: number;
  code: string;
  name: string;
  level: string;
  bloc: string;
  parentId: number | null;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  predecessors: Array<{ code: string; kind: "merge" | "split"; share: number }>;
  childCount: number;
};

/** The user's unit and its subtree, depth first. */
export async function fetchVisibleOrgs(): Promise<OrgUnit[]> {
  return (await apiFetch<{ orgs: OrgUnit[] }>("/api/orgs")).orgs;
}
