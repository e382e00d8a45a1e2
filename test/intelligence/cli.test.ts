// `leloi parse` and `leloi copycheck` as a user runs them (data-contract.md §Document commands).
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

const SEEDS = join(import.meta.dirname, "..", "fixtures", "seeds");
const dir = mkdtempSync(join(tmpdir(), "leloi-copycheck-"));
for (const f of ["002_57a8e72d5c205de3.txt", "003_91156f8a68636681.txt", "004_c05ab9e5b4ae4959.txt"]) copyFileSync(join(SEEDS, f), join(dir, f));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("leloi parse / copycheck", () => {
  it("parse --json prints the contract's fields", async () => {
    const r = await runCli(["parse", join(SEEDS, "004_c05ab9e5b4ae4959.txt"), "--json"], {});
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    for (const key of ["issuer", "number", "type", "place", "date", "subject", "recipients", "signer", "distribution", "references", "targets", "tasks"]) expect(json).toHaveProperty(key);
    expect(json).toMatchObject({ number: "153a/KH-UBND", date: "2026-05-13", type: { code: "KH", name: "Kế hoạch" }, place: "Cẩm Giàng" });
    expect((json.tasks as unknown[]).length).toBe(14);
  });

  it("copycheck --json: share and passages against a folder, the file itself skipped", async () => {
    const r = await runCli(["copycheck", join(dir, "004_c05ab9e5b4ae4959.txt"), "--against", dir, "--json"], {});
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { copiedShare: number; passages: Array<Record<string, unknown>>; sources: string[] };
    expect(json.sources).toEqual(["002_57a8e72d5c205de3.txt", "003_91156f8a68636681.txt"]);
    expect(json.copiedShare).toBeGreaterThan(0.3);
    expect(Object.keys(json.passages[0] ?? {}).sort()).toEqual(["end", "similarity", "source", "sourceEnd", "sourceStart", "start"]);
  });

  it("a missing file is an error in Vietnamese, exit code 1", async () => {
    const r = await runCli(["parse", join(dir, "khong-co.txt")], {});
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Lỗi: Không đọc được tệp/);
  });
});
