import { apiFetch } from "../../../ui/api-client";

/** The signed-in user as /api/auth/login and /api/auth/me give it. */
export type SessionUser = {
  id: number;
  username: string;
  fullName: string;
  role: "admin" | "aggregator" | "officer" | "viewer";
  org: { id: number; code: string; name: string; level: string };
};

export async function login(body: { username: string; password: string }): Promise<SessionUser> {
  return (await apiFetch<{ user: SessionUser }>("/api/auth/login", { method: "POST", body })).user;
}

export async function logout(): Promise<void> {
  await apiFetch<void>("/api/auth/logout", { method: "POST" });
}

export async function fetchMe(): Promise<SessionUser> {
  return (await apiFetch<{ user: SessionUser }>("/api/auth/me")).user;
}

export async function changePassword(body: { currentPassword: string; newPassword: string }): Promise<void> {
  await apiFetch<{ ok: true }>("/api/auth/password", { method: "POST", body });
}
