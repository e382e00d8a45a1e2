import { z } from "zod";
import { ZNewPassword } from "./password.js";

/** Body of POST /api/auth/login. */
export const ZLoginBody = z.strictObject({
  username: z.string().trim().min(1, "Cần tên đăng nhập").max(100),
  password: z.string().min(1, "Cần mật khẩu").max(200),
});

/** Body of POST /api/auth/password. */
export const ZChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1, "Cần mật khẩu hiện tại").max(200),
  newPassword: ZNewPassword,
});

export type TLoginBody = z.infer<typeof ZLoginBody>;
export type TChangePasswordBody = z.infer<typeof ZChangePasswordBody>;
