// Request shapes of the document register (sổ văn bản) API. Field names mirror the import
// columns of data-contract.md §documents in camelCase; values are normalised by the same
// domain parsers as an import, so a form and a file accept the same spellings.
import { z } from "zod";
import { parseBoolean, parseDate, parseDocumentType } from "../domain/normalize.js";
import {
  ZBoolFilter, ZFlag, ZPaging, zOptionalText, zParsedString, zParsedValue, zText,
} from "../registers/register-query.schema.js";

/** Sort orders of the list; "-" = descending. */
export const DOCUMENT_SORTS = ["issuedOn", "-issuedOn", "number", "-number"] as const;
export type DocumentSort = (typeof DOCUMENT_SORTS)[number];

const ZFlagValue = zParsedValue((raw) => parseBoolean(raw, false));

/** Fields of a document, none defaulted (so PATCH can tell "absent" from "false"). */
const documentFields = {
  orgCode: zText(50).describe("mã đơn vị ban hành"),
  number: zText(100).describe("số ký hiệu, ví dụ 426/UBND-NC"),
  type: zParsedString(parseDocumentType).describe("mã loại (QĐ, KH, CV…) hoặc tên đầy đủ (Công văn)"),
  issuedOn: zParsedString(parseDate).describe("ngày ban hành: YYYY-MM-DD hoặc DD/MM/YYYY"),
  subject: z.string({ error: "phải là chuỗi" }).trim().max(2000, "dài quá 2000 ký tự").describe("trích yếu"),
  legalNormative: ZFlagValue.describe("văn bản QPPL"),
  secret: ZFlagValue.describe("văn bản mật"),
  sentElectronically: ZFlagValue.describe("đã gửi điện tử"),
  digitized: ZFlagValue.describe("đã số hóa"),
  signer: zOptionalText(200).describe("người ký"),
};

/** POST /api/documents */
export const ZDocumentCreateSchema = z.object({
  ...documentFields,
  subject: documentFields.subject.optional(),
  legalNormative: documentFields.legalNormative.optional(),
  secret: documentFields.secret.optional(),
  sentElectronically: documentFields.sentElectronically.optional(),
  digitized: documentFields.digitized.optional(),
});
export type TDocumentCreate = z.infer<typeof ZDocumentCreateSchema>;

/** PATCH /api/documents/:id — only the fields sent change. */
export const ZDocumentPatchSchema = z
  .object({
    orgCode: documentFields.orgCode.optional(),
    number: documentFields.number.optional(),
    type: documentFields.type.optional(),
    issuedOn: documentFields.issuedOn.optional(),
    subject: documentFields.subject.optional(),
    legalNormative: documentFields.legalNormative.optional(),
    secret: documentFields.secret.optional(),
    sentElectronically: documentFields.sentElectronically.optional(),
    digitized: documentFields.digitized.optional(),
    signer: documentFields.signer,
  })
  .refine((o) => Object.values(o).some((v) => v !== undefined), { message: "cần ít nhất một trường để sửa", path: ["body"] });
export type TDocumentPatch = z.infer<typeof ZDocumentPatchSchema>;

/** GET /api/documents */
export const ZDocumentListQuerySchema = z.object({
  org: z.string().min(1).optional().describe("mã đơn vị (mặc định: đơn vị của người dùng)"),
  subtree: ZFlag.describe("1 = cả đơn vị cấp dưới"),
  from: zParsedString(parseDate).optional().describe("ban hành từ ngày (tính cả ngày này)"),
  to: zParsedString(parseDate).optional().describe("ban hành đến ngày (tính cả ngày này)"),
  type: zParsedString(parseDocumentType).optional(),
  q: z.string().trim().max(200, "dài quá 200 ký tự").optional().describe("tìm trong số ký hiệu, trích yếu, người ký"),
  digitized: ZBoolFilter,
  sentElectronically: ZBoolFilter,
  secret: ZBoolFilter,
  legalNormative: ZBoolFilter,
  breach: z.enum(["not_digitized", "not_sent"], { error: "chỉ nhận not_digitized hoặc not_sent" }).optional()
    .describe("not_digitized: văn bản không mật chưa số hóa (D3); not_sent: chưa gửi điện tử (D4)"),
  copiedOver: ZFlag.describe("1 = chỉ văn bản có tỷ lệ sao chép văn bản cấp trên vượt ngưỡng của đơn vị (D5, mặc định 30%)"),
  copiedAbove: z.coerce.number({ error: "phải là số từ 0 đến 100" }).min(0, "phải là số từ 0 đến 100").max(100, "phải là số từ 0 đến 100").optional()
    .describe("chỉ văn bản có tỷ lệ sao chép lớn hơn số phần trăm này"),
  sort: z.enum(DOCUMENT_SORTS, { error: `chỉ nhận ${DOCUMENT_SORTS.join(", ")}` }).default("-issuedOn"),
  ...ZPaging,
  cursor: z.string().optional().describe("nextCursor của trang trước (phân trang không giới hạn độ sâu)"),
});
export type TDocumentListQuery = z.infer<typeof ZDocumentListQuerySchema>;
