import { InvalidArgumentError, type Command } from "commander";
import { withCliContext } from "../cli/context.js";
import { DEMO_ACCOUNTS } from "./demo-accounts.js";
import { DEMO_SEED, loadDemoProvince } from "./demo.loader.js";

/** `leloi demo [--seed N]`: loads the demo province into an empty database (DATABASE_URL or
 * LELOI_DATA_DIR) and lists the demo accounts. To wire in cli/main.ts: registerDemoCommand(program). */
export function registerDemoCommand(program: Command): void {
  program
    .command("demo")
    .description("nạp dữ liệu mẫu tỉnh Tuyên Quang (2025–2026) vào cơ sở dữ liệu trống")
    .option("--seed <n>", "hạt giống của dữ liệu mẫu", (raw) => {
      const n = Number(raw);
      if (!Number.isInteger(n)) throw new InvalidArgumentError("cần một số nguyên");
      return n;
    }, DEMO_SEED)
    .action(async (opts: { seed: number }) => {
      const result = await withCliContext((ctx) => loadDemoProvince(ctx, { seed: opts.seed }));
      process.stdout.write(`${result.summary}\n`);
      if (!result.loaded) return;
      for (const a of DEMO_ACCOUNTS) process.stdout.write(`  ${a.username.padEnd(14)} ${a.password}  ${a.role.padEnd(10)} ${a.orgCode.padEnd(13)} ${a.description}\n`);
    });
}
