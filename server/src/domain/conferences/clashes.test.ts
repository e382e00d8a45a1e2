import { describe, expect, it } from "vitest";
import { chairKey, findClashes, type ClashConference } from "./clashes.js";

const at = (local: string): Date => new Date(`${local}:00+07:00`);

function buildConference(overrides: Partial<ClashConference> = {}): ClashConference {
  return {
    id: 1, orgId: 10, start: at("2026-03-02T08:00"), end: at("2026-03-02T11:30"),
    chairs: ["Nguyễn Văn An"], invitedOrgIds: [], ...overrides,
  };
}

describe("chairKey", () => {
  it.each([
    ["Nguyễn Văn An", "nguyen van an"],
    ["  Đ/c  NGUYỄN   Văn An ", "nguyen van an"],
    ["Đồng chí Trần Thị Bình", "tran thi binh"],
    ["Bà Lê Thị Đào", "le thi dao"],
  ])("%s → %s", (name, key) => expect(chairKey(name)).toBe(key));
});

describe("findClashes", () => {
  const target = buildConference({ id: null, orgId: 10, invitedOrgIds: [21, 22] });
  it.each<[string, Partial<ClashConference>, Array<{ sharedChairs: string[]; sharedOrgIds: number[] }>]>([
    ["same chair, written differently, overlapping", { orgId: 99, chairs: ["đ/c nguyen van an"] }, [{ sharedChairs: ["Nguyễn Văn An"], sharedOrgIds: [] }]],
    ["other chair, other units", { orgId: 99, chairs: ["Trần Văn Cường"] }, []],
    ["the host is invited elsewhere", { orgId: 99, chairs: [], invitedOrgIds: [10] }, [{ sharedChairs: [], sharedOrgIds: [10] }]],
    ["an invited unit hosts its own", { orgId: 22, chairs: [] }, [{ sharedChairs: [], sharedOrgIds: [22] }]],
    ["an invited unit invited to both", { orgId: 99, chairs: [], invitedOrgIds: [21, 30] }, [{ sharedChairs: [], sharedOrgIds: [21] }]],
    ["same host and chair, but ends as the target starts", { start: at("2026-03-02T07:00"), end: at("2026-03-02T08:00") }, []],
    ["same host, the afternoon", { start: at("2026-03-02T13:30"), end: at("2026-03-02T17:00") }, []],
    ["same host, overlaps by a minute", { chairs: [], start: at("2026-03-02T11:29"), end: at("2026-03-02T12:00") }, [{ sharedChairs: [], sharedOrgIds: [10] }]],
    ["empty chair names never match", { orgId: 99, chairs: [" "] }, []],
  ])("%s", (_name, other, expected) => {
    const clashes = findClashes({ ...target, chairs: [...target.chairs, ""] }, [buildConference({ id: 7, ...other })]);
    expect(clashes).toEqual(expected.map((e) => ({ otherId: 7, ...e })));
  });

  it("skips the target itself when it is saved", () => {
    const saved = buildConference({ id: 5 });
    expect(findClashes(saved, [saved, buildConference({ id: 6, orgId: 99 })])).toEqual([
      { otherId: 6, sharedChairs: ["Nguyễn Văn An"], sharedOrgIds: [] },
    ]);
  });
});
