import { describe, expect, it } from "vitest";
import { SessionCache } from "./session-cache.js";
import type { SessionUser } from "./policy.js";

const at = (s: number) => new Date(Date.UTC(2026, 5, 15) + s * 1000);
const userOf = (id: number): SessionUser => ({ id, username: `u${id}`, fullName: `Cán bộ ${id}`, role: "officer", orgId: 1 });
const entry = (id: number, expiresAtSecond = 3600) => ({ user: userOf(id), expiresAt: at(expiresAtSecond) });

describe("SessionCache", () => {
  it("answers a remembered session until it expires", () => {
    const cache = new SessionCache(10);
    cache.remember("h1", entry(1, 60), cache.generation);
    expect(cache.find("h1", at(0))).toEqual(userOf(1));
    expect(cache.find("h2", at(0))).toBeUndefined();
    expect(cache.find("h1", at(60))).toBeUndefined();
    expect(cache.size).toBe(0); // an expired entry is dropped
  });

  it("forgets one token, or every token of a user", () => {
    const cache = new SessionCache(10);
    cache.remember("a1", entry(1), cache.generation);
    cache.remember("a2", entry(1), cache.generation);
    cache.remember("b1", entry(2), cache.generation);
    cache.forgetToken("a1");
    expect(cache.find("a1", at(0))).toBeUndefined();
    expect(cache.find("a2", at(0))).toEqual(userOf(1));
    cache.forgetUser(1);
    expect(cache.find("a2", at(0))).toBeUndefined();
    expect(cache.find("b1", at(0))).toEqual(userOf(2));
  });

  it("does not store a read that began before an eviction (it may hold the old row)", () => {
    const cache = new SessionCache(10);
    const before = cache.generation;
    cache.forgetUser(7); // e.g. the role changed while the lookup was reading
    cache.remember("h", entry(7), before);
    expect(cache.find("h", at(0))).toBeUndefined();
    cache.remember("h", entry(7), cache.generation);
    expect(cache.find("h", at(0))).toEqual(userOf(7));
  });

  it("keeps at most `capacity` sessions, dropping the least recently used", () => {
    const cache = new SessionCache(3);
    for (const id of [1, 2, 3]) cache.remember(`h${id}`, entry(id), cache.generation);
    expect(cache.find("h1", at(0))).toEqual(userOf(1)); // h2 is now the least recently used
    cache.remember("h4", entry(4), cache.generation);
    expect(cache.size).toBe(3);
    expect(cache.find("h2", at(0))).toBeUndefined();
    for (const id of [1, 3, 4]) expect(cache.find(`h${id}`, at(0))).toEqual(userOf(id));
  });
});
