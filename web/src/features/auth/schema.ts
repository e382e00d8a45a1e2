// Form schemas of sign-in and password change: the server's own request schemas
// (server/src/auth/auth.schema.ts) import the password hasher, which cannot run in a browser,
// so these mirror them — same limits, same messages.
import { z } from "zod";
import { AUTH_TEXT } from "./texts";

export const ZLoginForm = z.object({
  username: z.string().trim().min(1, "Cần tên đăng nhập").max(100),
  password: z.string().min(1, "Cần mật khẩu").max(200),
});

/** server/src/auth/password.ts ZNewPassword */
export const ZNewPassword = z.string().min(8, "Mật khẩu phải có ít nhất 8 ký tự").max(200, "Mật khẩu tối đa 200 ký tự");

export const ZChangePasswordForm = z
  .object({
    currentPassword: z.string().min(1, "Cần mật khẩu hiện tại").max(200),
    newPassword: ZNewPassword,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: AUTH_TEXT.passwordsDiffer })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Mật khẩu mới phải khác mật khẩu hiện tại" });
