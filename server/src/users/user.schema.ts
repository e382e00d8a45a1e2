import { z } from "zod";
import { ZNewPassword } from "../auth/password.js";
import { ZOrgCode, ZSubtreeFlag } from "../orgs/org.schema.js";

const ZRole = z.enum(["admin", "aggregator", "officer", "viewer"]);

/** Query of GET /api/users. */
export const ZUserListQuery = z.strictObject({ org: ZOrgCode.optional(), subtree: ZSubtreeFlag });

/** `:id` in user routes. */
export const ZUserIdParams = z.strictObject({ id: z.coerce.number().int().positive() });

/** Usernames are lower-case ASCII so that login is case-insensitive with a plain unique index. */
export const ZUsername = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, "Tên đăng nhập: 3–64 ký tự a-z, 0-9, dấu . _ -, bắt đầu bằng chữ hoặc số");

/** Body of POST /api/users. */
export const ZCreateUserBody = z.strictObject({
  username: ZUsername,
  password: ZNewPassword,
  fullName: z.string().trim().min(1, "Cần họ tên").max(200),
  role: ZRole,
  orgId: z.number().int().positive(),
});

/** `password` here is an admin's reset (no current password); `disabled` locks or unlocks. */
export const ZUpdateUserBody = z
  .strictObject({
    fullName: z.string().trim().min(1, "Cần họ tên").max(200),
    role: ZRole,
    orgId: z.number().int().positive(),
    disabled: z.boolean(),
    password: ZNewPassword,
  })
  .partial();

export type TUserListQuery = z.infer<typeof ZUserListQuery>;
export type TCreateUserBody = z.infer<typeof ZCreateUserBody>;
export type TUpdateUserBody = z.infer<typeof ZUpdateUserBody>;
