import type { Command } from "commander";
import { copycheckFile } from "../intelligence/copycheck.service.js";

/** `leloi copycheck FILE --against DIR [--json]` — data-contract.md §Document commands. */
export function registerCopycheckCommand(program: Command): void {
  program
    .command("copycheck")
    .description("tìm các đoạn của một văn bản sao chép từ các văn bản trong một thư mục (không tính phần viện dẫn số, ngày, tên văn bản)")
    .argument("<file>", "văn bản cần kiểm tra")
    .requiredOption("--against <dir>", "thư mục các văn bản nguồn (cấp trên)")
    .option("--json", "in JSON theo data-contract.md", false)
    .action(async (file: string, opts: { against: string; json: boolean }) => {
      const r = await copycheckFile(file, opts.against);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
        return;
      }
      const pct = (x: number): string => `${(x * 100).toLocaleString("vi-VN", { maximumFractionDigits: 1 })}%`;
      const lines = [`Tỷ lệ sao chép: ${pct(r.copiedShare)} (${r.passages.length} đoạn, so với ${r.sources.length} văn bản)`];
      for (const p of r.passages) lines.push(`  [${p.start}–${p.end}) ← ${p.source} [${p.sourceStart}–${p.sourceEnd}) giống ${pct(p.similarity)}`);
      process.stdout.write(`${lines.join("\n")}\n`);
    });
}
