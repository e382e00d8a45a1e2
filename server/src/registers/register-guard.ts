import type { FastifyRequest } from "fastify";
import { requireUser } from "../auth/auth.guard.js";

/** Route options that answer 401 before the query or body is validated, so an anonymous
 * caller gets "Cần đăng nhập" rather than a validation error (data-contract.md §Server). */
export const sessionFirst = {
  preValidation: async (req: FastifyRequest): Promise<void> => {
    requireUser(req);
  },
};
