// `leloi parse` and `leloi copycheck` as a user runs them (data-contract.md §Document commands).
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
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
    // a clean text is not "restored"
    expect(json).toMatchObject({ restoredText: null, restorations: 0 });
  });

  it("parse --json of an OCR'd text also offers the restored text, the fields and the original untouched", async () => {
    const file = join(SEEDS, "000_0acd55e50ef2e5ac.txt");
    const r = await runCli(["parse", file, "--json"], {});
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { restoredText: string; restorations: number; subject: string; number: string };
    expect(json.restorations).toBeGreaterThan(100);
    // "Két luan s6 226-KL/TW ngay 11/12/2025" as OCR'd; restored where the lexicon is sure
    expect(json.restoredText).toContain("Thực hiện Kết luận số 226-KL/TW ngày 11/12/2025");
    expect(json.restoredText.length).toBeLessThanOrEqual(readFileSync(file, "utf8").length + 50);
    expect(json.subject).toBe("trién khai Két luan s6 226-KL/TW ngay 11/12/2025 ctia Ban Bi thu");
    const text = await runCli(["parse", file], {});
    expect(text.stdout).toMatch(/Bản khôi phục dấu: \d+ chỗ/);
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
