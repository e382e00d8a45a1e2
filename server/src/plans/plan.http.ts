// HTTP helpers of the plans routes: file downloads with Vietnamese names, uploads read from
// multipart bodies, and zod checks of bodies that may come as JSON or as multipart fields.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import { AppError } from "../errors.js";
import { foldDiacritics } from "../domain/normalize.js";

/** Sends bytes as an attachment; the name is kept in UTF-8 (RFC 5987) with an ASCII fallback. */
export function sendFile(reply: FastifyReply, file: { fileName: string; content: Buffer }, contentType: string): FastifyReply {
  const ascii = foldDiacritics(file.fileName).replace(/[^a-zA-Z0-9._-]+/g, "-") || "tep";
  // RFC 5987 attr-chars only: encodeURIComponent leaves ' ( ) * which ext-value does not allow
  const utf8 = encodeURIComponent(file.fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  reply.header("content-disposition", `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`);
  return reply.type(contentType).send(file.content);
}

/** An uploaded file and the text fields sent with it. */
export type Upload = { file: { fileName: string; contentType: string | null; content: Buffer } | null; fields: Record<string, string> };

/**
 * Reads a multipart body: the file of field `file` (at most `maxBytes`, else 400) and every text
 * field. Other file fields are refused.
 */
export async function readUpload(req: FastifyRequest, maxBytes: number): Promise<Upload> {
  const fields: Record<string, string> = {};
  let file: Upload["file"] = null;
  for await (const part of req.parts({ limits: { fileSize: maxBytes, files: 1 } })) {
    if (part.type === "file") {
      if (part.fieldname !== "file") throw new AppError("VALIDATION", "Tệp phải gửi trong trường \"file\"");
      const content = await part.toBuffer().catch((e: unknown) => {
        throw new AppError("VALIDATION", `Tệp vượt quá dung lượng cho phép (${Math.round(maxBytes / 1024 / 1024)} MB)`, { cause: String(e) });
      });
      file = { fileName: part.filename, contentType: part.mimetype || null, content };
    } else if (typeof part.value === "string") {
      fields[part.fieldname] = part.value;
    }
  }
  return { file, fields };
}

/** Validates a value with a zod schema, as a 400 naming each bad field (like route schemas do). */
export function parseBody<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`);
  throw new AppError("VALIDATION", issues.join("; "), { issues });
}
