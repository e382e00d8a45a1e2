import type { Command } from "commander";
import { parseDocumentFile } from "../intelligence/parse.service.js";
import type { ParsedDocumentJson } from "../intelligence/parse.service.js";

/** `leloi parse FILE [--json]` — data-contract.md §Document commands. */
export function registerParseCommand(program: Command): void {
  program
    .command("parse")
    .description("đọc thông tin của một văn bản (TXT, Markdown, DOCX, PDF có lớp chữ): cơ quan, số, loại, ngày, trích yếu, …")
    .argument("<file>", "tệp văn bản")
    .option("--json", "in JSON theo data-contract.md", false)
    .action(async (file: string, opts: { json: boolean }) => {
      const parsed = await parseDocumentFile(file);
      process.stdout.write(opts.json ? `${JSON.stringify(parsed, null, 2)}\n` : formatParsed(parsed));
    });
}

const or = (s: string | null | undefined): string => s ?? "—";
const dmy = (iso: string | null): string => (iso === null ? "—" : iso.split("-").reverse().join("/"));

/** A short Vietnamese summary. */
function formatParsed(p: ParsedDocumentJson): string {
  const lines = [
    `Cơ quan ban hành: ${or(p.issuer?.name)}${p.issuer?.parent ? ` (thuộc ${p.issuer.parent})` : ""}`,
    `Số, ký hiệu:      ${or(p.number)}`,
    `Loại:             ${p.type ? `${p.type.name} (${p.type.code})` : "—"}`,
    `Nơi, ngày:        ${or(p.place)}, ${dmy(p.date)}`,
    `Trích yếu:        ${or(p.subject)}`,
    `Kính gửi:         ${p.recipients.length === 0 ? "—" : p.recipients.join("; ")}`,
    `Người ký:         ${or(p.signer?.name)}${p.signer?.position ? `, ${p.signer.position}` : ""}${p.signer && p.signer.onBehalf.length > 0 ? ` (${p.signer.onBehalf.join(", ")})` : ""}`,
    `Nơi nhận:         ${p.distribution.length} nơi`,
    `Văn bản viện dẫn: ${p.references.length === 0 ? "—" : p.references.map((r) => r.number).join(", ")}`,
    `Chỉ tiêu:         ${p.targets.length === 0 ? "—" : p.targets.map((t) => `${t.percent}% ${t.indicator ?? ""}`.trim()).join(", ")}`,
    `Nhiệm vụ (phụ lục): ${p.tasks.length}`,
    ...(p.restoredText === null ? [] : [`Bản khôi phục dấu: ${p.restorations} chỗ (văn bản nhận dạng OCR; xem --json, trường restoredText)`]),
    ...p.notes.map((n) => `Lưu ý: ${n}`),
  ];
  return `${lines.join("\n")}\n`;
}
