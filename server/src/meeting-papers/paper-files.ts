// What a conference paper (tài liệu hội nghị) may be: PDF, Word (DOCX), Excel (XLSX) or an image,
// at most 10 MB (the meeting_papers check). The type is decided from the name's extension AND
// the file's first bytes, never from the browser's content type, so a renamed executable is
// refused and the download is served with the type we know. Pure.

/** Largest paper stored (meeting_papers.content check: octet_length ≤ 10 485 760). */
export const MAX_PAPER_BYTES = 10 * 1024 * 1024;

type Kind = { ext: readonly string[]; contentType: string; magic: (b: Buffer) => boolean };

const startsWith = (b: Buffer, bytes: number[]) => bytes.every((x, i) => b[i] === x);
const ZIP = (b: Buffer) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]); // DOCX and XLSX are zip packages

const KINDS: readonly Kind[] = [
  { ext: ["pdf"], contentType: "application/pdf", magic: (b) => b.subarray(0, 1024).includes("%PDF-") },
  { ext: ["docx"], contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", magic: ZIP },
  { ext: ["xlsx"], contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", magic: ZIP },
  { ext: ["png"], contentType: "image/png", magic: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { ext: ["jpg", "jpeg"], contentType: "image/jpeg", magic: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { ext: ["gif"], contentType: "image/gif", magic: (b) => b.subarray(0, 6).toString("latin1") === "GIF87a" || b.subarray(0, 6).toString("latin1") === "GIF89a" },
  { ext: ["webp"], contentType: "image/webp", magic: (b) => b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP" },
];

/** Extensions accepted, for messages and the file picker. */
export const PAPER_EXTENSIONS: readonly string[] = KINDS.flatMap((k) => k.ext.map((e) => `.${e}`));

export type PaperFileCheck = { ok: true; contentType: string } | { ok: false; reason: string };

/** The content type of an uploaded paper, or why it is refused. */
export function checkPaperFile(fileName: string, content: Buffer): PaperFileCheck {
  if (content.length === 0) return { ok: false, reason: "tệp rỗng" };
  if (content.length > MAX_PAPER_BYTES) return { ok: false, reason: `tệp vượt quá ${MAX_PAPER_BYTES / 1024 / 1024} MB` };
  const ext = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase() ?? "";
  const kind = KINDS.find((k) => k.ext.includes(ext));
  if (!kind) return { ok: false, reason: `chỉ nhận tệp ${PAPER_EXTENSIONS.join(", ")}` };
  if (!kind.magic(content)) return { ok: false, reason: `nội dung tệp không phải định dạng .${ext} như tên tệp` };
  return { ok: true, contentType: kind.contentType };
}

/** A file name safe to store and show: no path, no control characters, at most 200 characters. */
export function cleanFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim();
  return (clean || "tai-lieu").slice(-200);
}
