// The document form validates with the server's own request schema, so the form refuses what
// the API would refuse, with the same Vietnamese reasons (house style: one zod schema for
// the API and the form).
import type { z } from "zod";
import { ZDocumentCreateSchema } from "@server/documents/document.schema.js";

export const ZDocumentForm = ZDocumentCreateSchema;
export type DocumentFormInput = z.input<typeof ZDocumentForm>;
export type DocumentFormOutput = z.output<typeof ZDocumentForm>;
