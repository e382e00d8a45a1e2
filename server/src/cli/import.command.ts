import { stat } from "node:fs/promises";
import { Argument, type Command } from "commander";
import { AppError } from "../errors.js";
import { formatNumberVi } from "../domain/format.js";
import { IMPORT_KINDS, type ImportKind } from "../imports/import.columns.js";
import type { ImportPhase } from "../imports/import.progress.js";
import { importFile, type ImportResult } from "../imports/import.service.js";
import { withCliContext } from "./context.js";

const PHASE_TEXT: Record<ImportPhase, string> = {
  reading: "Đang đọc",
  checking: "Đang kiểm tra trùng lặp",
  writing: "Đang ghi vào cơ sở dữ liệu",
};

/** A one-line progress display on stderr (TTY only): while reading, rows, rows/s and the time
 * left estimated from the bytes read; while checking and writing, the time spent so far. */
function progressLine(rows: number, elapsedMs: number, bytesRead: number, size: number, phase: ImportPhase): string {
  const seconds = elapsedMs / 1000;
  const head = `${PHASE_TEXT[phase]}: ${formatNumberVi(rows, 0)} dòng`;
  if (phase !== "reading") return `${head} · ${formatNumberVi(seconds, 0)} giây`;
  const rate = seconds > 0 ? rows / seconds : 0;
  const left = bytesRead > 0 && size > bytesRead ? ` · còn khoảng ${formatNumberVi(Math.ceil((seconds * (size - bytesRead)) / bytesRead), 0)} giây` : "";
  return `${head} · ${formatNumberVi(rate, 0)} dòng/giây${left}`;
}

/** `Đã nhập 1.234 dòng (mới 1.200, cập nhật 34)`, plus the unchanged rows when there are any. */
export function summaryLine(result: ImportResult): string {
  const unchanged = result.rows - result.inserted - result.updated;
  const extra = unchanged > 0 ? `, không đổi ${formatNumberVi(unchanged, 0)}` : "";
  return `Đã nhập ${formatNumberVi(result.rows, 0)} dòng (mới ${formatNumberVi(result.inserted, 0)}, cập nhật ${formatNumberVi(result.updated, 0)}${extra})`;
}

/** `leloi import orgs|documents|meetings|tthc FILE` — all or nothing (data-contract.md). */
export function registerImportCommand(program: Command): void {
  program
    .command("import")
    .description("nhập dữ liệu từ tệp CSV hoặc XLSX (tất cả hoặc không dòng nào)")
    .addArgument(new Argument("<kind>", "loại dữ liệu").choices(IMPORT_KINDS))
    .argument("<file>", "tệp .csv hoặc .xlsx")
    .action(async (kind: ImportKind, file: string) => {
      const size = (await stat(file).catch(() => undefined))?.size;
      if (size === undefined) {
        process.stderr.write(`Không tìm thấy tệp "${file}"\n`);
        process.exitCode = 1;
        return;
      }
      const tty = process.stderr.isTTY === true;
      const started = Date.now();
      let rows = 0;
      let bytes = 0;
      let phase: ImportPhase = "reading";
      const draw = () => process.stderr.write(`\r\x1b[2K${progressLine(rows, Date.now() - started, bytes, size, phase)}`);
      const timer = tty ? setInterval(draw, 250) : undefined;
      let errorLines = 0;
      try {
        const result = await withCliContext((ctx) =>
          importFile(ctx, {
            kind,
            user: null,
            filePath: file,
            onProgress: (n, b) => {
              rows = n;
              bytes = b;
            },
            onPhase: (p) => (phase = p),
            onRowError: (message) => {
              if (tty && errorLines === 0) process.stderr.write("\r\x1b[2K");
              errorLines += 1;
              process.stderr.write(`${message}\n`);
            },
          }),
        );
        if (tty) process.stderr.write("\r\x1b[2K");
        process.stdout.write(`${summaryLine(result)}\n`);
        if (result.ignoredColumns.length > 0) process.stderr.write(`Bỏ qua các cột không dùng: ${result.ignoredColumns.join(", ")}\n`);
      } catch (error) {
        if (tty) process.stderr.write("\r\x1b[2K");
        if (!(error instanceof AppError)) throw error;
        const details = error.details as { errors?: string[]; errorCount?: number } | undefined;
        // header problems are not row messages: they were not streamed through onRowError
        if (errorLines === 0) for (const line of details?.errors ?? []) process.stderr.write(`${line}\n`);
        process.stderr.write(`${error.message}\n`);
        process.exitCode = 1;
      } finally {
        if (timer) clearInterval(timer);
      }
    });
}
