import { sql } from "kysely";
import type { Db } from "../db/database.js";
import type { OrgRow } from "./org.types.js";
import { resolveCountedOrgs, type OrgNode, type PredecessorLink } from "../domain/org-tree.js";

/** The org tree held in memory for subtree and predecessor look-ups. It reloads itself when the
 * table changed (checked by a cheap version query), so several server processes stay correct. */
export class OrgDirectory {
  private byId = new Map<number, OrgRow>();
  private byCodeMap = new Map<string, OrgRow>();
  private children = new Map<number, number[]>();
  private links: PredecessorLink[] = [];
  #version = "";

  /** Changes whenever the tree or the predecessor links change (read at the last refresh). */
  get version(): string {
    return this.#version;
  }

  constructor(private readonly db: Db) {}

  /** Reloads the tree if any org or predecessor link changed since the last load. */
  async refresh(): Promise<this> {
    const { rows } = await sql<{ v: string }>`
      select (select count(*) || ':' || coalesce(max(updated_at)::text, '') from org_units)
        || '|' || (select count(*) || ':' || coalesce(sum(share), 0) from org_predecessors) as v`.execute(this.db);
    const version = rows[0]?.v ?? "";
    if (version === this.#version) return this;
    const orgs = await this.db
      .selectFrom("org_units")
      .select(["id", "code", "name", "parent_id", "level", "bloc", "valid_from", "valid_to"])
      .orderBy("id")
      .execute();
    const links = await this.db.selectFrom("org_predecessors").selectAll().execute();
    this.byId = new Map(orgs.map((o) => [o.id, o]));
    this.byCodeMap = new Map(orgs.map((o) => [o.code, o]));
    this.children = new Map();
    for (const o of orgs) {
      if (o.parent_id === null) continue;
      const list = this.children.get(o.parent_id) ?? [];
      list.push(o.id);
      this.children.set(o.parent_id, list);
    }
    this.links = links.map((l) => ({ orgId: l.org_id, predecessorId: l.predecessor_id, kind: l.kind, share: l.share }));
    this.#version = version;
    return this;
  }

  get(id: number): OrgRow | undefined {
    return this.byId.get(id);
  }

  byCode(code: string): OrgRow | undefined {
    return this.byCodeMap.get(code);
  }

  all(): OrgRow[] {
    return [...this.byId.values()];
  }

  childrenOf(id: number): OrgRow[] {
    return (this.children.get(id) ?? []).map((c) => this.byId.get(c)).filter((o): o is OrgRow => o !== undefined);
  }

  /** The unit and all its descendants. */
  subtreeIds(rootId: number): number[] {
    const out: number[] = [];
    const stack = [rootId];
    while (stack.length > 0) {
      const id = stack.pop() as number;
      out.push(id);
      stack.push(...(this.children.get(id) ?? []));
    }
    return out;
  }

  /** True when `id` is `ancestorId` or below it. */
  isInSubtree(ancestorId: number, id: number): boolean {
    for (let cur = this.byId.get(id); cur; cur = cur.parent_id === null ? undefined : this.byId.get(cur.parent_id)) {
      if (cur.id === ancestorId) return true;
    }
    return false;
  }

  /** Root first, the unit last. */
  ancestors(id: number): OrgRow[] {
    const chain: OrgRow[] = [];
    for (let cur = this.byId.get(id); cur; cur = cur.parent_id === null ? undefined : this.byId.get(cur.parent_id)) {
      chain.unshift(cur);
    }
    return chain;
  }

  /** The units whose records count as this unit's (or subtree's), with their weights. */
  countedOrgs(rootId: number, subtree: boolean) {
    const nodes: OrgNode[] = this.all().map((o) => ({
      id: o.id,
      code: o.code,
      parentId: o.parent_id,
      level: o.level,
      validFrom: o.valid_from,
      validTo: o.valid_to,
    }));
    return resolveCountedOrgs(rootId, subtree, nodes, this.links);
  }

  predecessorLinks(): readonly PredecessorLink[] {
    return this.links;
  }
}
