// What the interface offers to each role — a mirror of server/src/auth/policy.ts for showing
// or hiding buttons only; the server still refuses whatever a role may not do.
import type { SessionUser } from "./api/auth.api";

type Role = SessionUser["role"];

/** Add, edit and delete records. */
export const canWrite = (role: Role | undefined): boolean => role === "admin" || role === "aggregator" || role === "officer";
/** Upload import files. */
export const canImport = canWrite;
/** Manage accounts, units and settings. */
export const canManage = (role: Role | undefined): boolean => role === "admin";
