import type { FastifyRequest } from "fastify";
import { unauthenticated } from "../errors.js";
import type { SessionUser } from "./policy.js";

/** The signed-in user, or 401. Call first in every data route. */
export function requireUser(req: FastifyRequest): SessionUser {
  if (!req.user) throw unauthenticated();
  return req.user;
}
