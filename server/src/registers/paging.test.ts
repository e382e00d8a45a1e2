import { describe, expect, it } from "vitest";
import { encodeCursor, MAX_OFFSET, pageWindow, toPage } from "./paging.js";

describe("pageWindow", () => {
  it("turns page and pageSize into an offset", () => {
    expect(pageWindow({ page: 3, pageSize: 20 }, "-issuedOn")).toEqual({ limit: 20, offset: 40, after: null });
  });

  it("reads back a cursor of the same sort and refuses one of another sort or garbage", () => {
    const cursor = encodeCursor("number", { key: "15/QĐ-UBND", id: 42 });
    expect(pageWindow({ page: 7, pageSize: 10, cursor }, "number")).toEqual({ limit: 10, offset: 0, after: { key: "15/QĐ-UBND", id: 42 } });
    expect(() => pageWindow({ page: 1, pageSize: 10, cursor }, "-number")).toThrow(/cursor/);
    expect(() => pageWindow({ page: 1, pageSize: 10, cursor: "%%%" }, "number")).toThrow(/cursor/);
    expect(() => pageWindow({ page: 1, pageSize: 10, cursor: Buffer.from("[1]").toString("base64url") }, "number")).toThrow(/cursor/);
  });

  it("refuses offsets past MAX_OFFSET", () => {
    expect(() => pageWindow({ page: MAX_OFFSET / 10 + 2, pageSize: 10 }, "x")).toThrow(/page/);
  });
});

describe("toPage", () => {
  it("gives a cursor only when the extra row shows there is more", () => {
    const w = { limit: 2, offset: 0, after: null };
    const more = toPage([1, 2, 3], w, { page: 1, sort: "s" }, { total: 3, exact: true }, (n) => ({ key: String(n), id: n }), (n) => n * 10);
    expect(more.items).toEqual([10, 20]);
    expect(more.nextCursor).toBe(encodeCursor("s", { key: "2", id: 2 }));
    const last = toPage([1, 2], w, { page: 1, sort: "s" }, { total: 2, exact: true }, (n) => ({ key: String(n), id: n }), (n) => n);
    expect(last.nextCursor).toBeNull();
  });
});
