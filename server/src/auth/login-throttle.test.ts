import { describe, expect, it } from "vitest";
import { LoginThrottle } from "./login-throttle.js";

const limits = { maxFailures: 3, windowMs: 60_000, maxFailuresPerIp: 5, maxKeys: 100 };
const at = (s: number) => new Date(Date.UTC(2026, 0, 1) + s * 1000);

describe("LoginThrottle", () => {
  it("blocks an IP+username after maxFailures until the window ends", () => {
    const t = new LoginThrottle(limits);
    for (let i = 0; i < 3; i += 1) {
      expect(t.retryAfterSeconds("1.1.1.1", "an", at(i))).toBe(0);
      t.recordFailure("1.1.1.1", "an", at(i));
    }
    expect(t.retryAfterSeconds("1.1.1.1", "an", at(10))).toBe(50);
    expect(t.retryAfterSeconds("1.1.1.1", "AN ", at(10))).toBe(50); // usernames fold case
    expect(t.retryAfterSeconds("1.1.1.1", "binh", at(10))).toBe(0);
    expect(t.retryAfterSeconds("2.2.2.2", "an", at(10))).toBe(0);
    expect(t.retryAfterSeconds("1.1.1.1", "an", at(60))).toBe(0);
  });

  it("clears a pair's failures on success but keeps the per-IP ceiling", () => {
    const t = new LoginThrottle(limits);
    t.recordFailure("1.1.1.1", "an", at(0));
    t.recordFailure("1.1.1.1", "an", at(1));
    t.recordSuccess("1.1.1.1", "an");
    t.recordFailure("1.1.1.1", "an", at(2));
    t.recordFailure("1.1.1.1", "an", at(3));
    expect(t.retryAfterSeconds("1.1.1.1", "an", at(4))).toBe(0);
    t.recordFailure("1.1.1.1", "binh", at(5)); // 5th failure from this IP
    expect(t.retryAfterSeconds("1.1.1.1", "chi", at(6))).toBe(54);
  });

  it("keeps at most maxKeys windows", () => {
    const t = new LoginThrottle({ ...limits, maxKeys: 10 });
    for (let i = 0; i < 50; i += 1) t.recordFailure(`10.0.0.${i}`, "x", at(i));
    t.recordFailure("9.9.9.9", "x", at(60));
    t.recordFailure("9.9.9.9", "x", at(61));
    t.recordFailure("9.9.9.9", "x", at(62));
    expect(t.retryAfterSeconds("9.9.9.9", "x", at(63))).toBe(57);
  });
});
