// Account forms. The server's schemas (server/src/users/user.schema.ts) import the password
// hasher, which cannot run in a browser, so these mirror them: same rules, same messages.
import { z } from "zod";
import { ZNewPassword } from "../auth/schema";

export const ROLES = ["admin", "aggregator", "officer", "viewer"] as const;

const ZUsername = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, "Tên đăng nhập: 3–64 ký tự a-z, 0-9, dấu . _ -, bắt đầu bằng chữ hoặc số");

const ZFullName = z.string().trim().min(1, "Cần họ tên").max(200);
const ZOrgId = z.coerce.number({ error: "Cần chọn đơn vị" }).int().positive("Cần chọn đơn vị");

export const ZCreateUserForm = z.object({
  username: ZUsername,
  password: ZNewPassword,
  fullName: ZFullName,
  role: z.enum(ROLES),
  orgId: ZOrgId,
});

/** Edit: the password is an admin's reset and may stay empty. */
export const ZEditUserForm = z.object({
  fullName: ZFullName,
  role: z.enum(ROLES),
  orgId: ZOrgId,
  disabled: z.boolean(),
  password: z.union([z.literal(""), ZNewPassword]),
});

export type CreateUserInput = z.input<typeof ZCreateUserForm>;
export type CreateUserOutput = z.output<typeof ZCreateUserForm>;
export type EditUserInput = z.input<typeof ZEditUserForm>;
export type EditUserOutput = z.output<typeof ZEditUserForm>;
