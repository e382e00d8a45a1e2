import { Command } from "commander";
import { registerImportCommand } from "./import.command.js";
import { registerIndicatorsCommand } from "./indicators.command.js";
import { registerParseCommand } from "./parse.command.js";
import { registerCopycheckCommand } from "./copycheck.command.js";
import { registerDemoCommand } from "../demo/demo.command.js";
import { openDatabaseFromEnv } from "../db/open-from-env.js";

/** `leloi …` — see data-contract.md §Command line. Each command lives in its own file. */
const program = new Command()
  .name("leloi")
  .description("leloi — thực hiện và chứng minh Kết luận 226-KL/TW từ chính hồ sơ, sổ sách")
  .showHelpAfterError();

program
  .command("migrate")
  .description("tạo/cập nhật lược đồ cơ sở dữ liệu")
  .action(async () => {
    const handle = await openDatabaseFromEnv();
    await handle.close();
    process.stdout.write("Đã cập nhật lược đồ cơ sở dữ liệu.\n");
  });

registerImportCommand(program);
registerIndicatorsCommand(program);
registerParseCommand(program);
registerCopycheckCommand(program);
registerDemoCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Expected failures (unknown unit, bad period, bad import rows) print their message and details
  const e = error as Error & { details?: { errors?: string[] } };
  process.stderr.write(`Lỗi: ${e.message}\n`);
  for (const line of e.details?.errors ?? []) process.stderr.write(`${line}\n`);
  process.exitCode = 1;
}
