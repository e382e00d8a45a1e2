import type { Command } from "commander";
import { computeSheet } from "../indicators/indicator.service.js";
import { withCliContext } from "./context.js";
import { formatSheetText } from "./sheet-text.js";

/** `leloi indicators --org CODE --period P [--subtree] [--json]` */
export function registerIndicatorsCommand(program: Command): void {
  program
    .command("indicators")
    .description("bảng chỉ tiêu KL 226 của một đơn vị (hoặc cả cấp dưới) trong một kỳ")
    .requiredOption("--org <code>", "mã đơn vị")
    .requiredOption("--period <period>", "kỳ: 2026, 2026Q1, 2026S1, 2026-05")
    .option("--subtree", "tính cả các đơn vị cấp dưới", false)
    .option("--json", "in JSON theo data-contract.md", false)
    .action(async (opts: { org: string; period: string; subtree: boolean; json: boolean }) => {
      const sheet = await withCliContext((ctx) => computeSheet(ctx, { orgCode: opts.org, period: opts.period, subtree: opts.subtree }));
      process.stdout.write(opts.json ? `${JSON.stringify(sheet, null, 2)}\n` : formatSheetText(sheet));
    });
}
