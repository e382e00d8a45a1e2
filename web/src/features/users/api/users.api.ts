import { apiFetch } from "../../../ui/api-client";
import type { SessionUser } from "../../auth/api/auth.api";

/** An account in the admin screens (server/src/users/user.presenter.ts UserView). */
export type UserAccount = SessionUser & { disabled: boolean; createdAt: string; updatedAt: string };

export type NewUser = { username: string; password: string; fullName: string; role: SessionUser["role"]; orgId: number };
export type UserChange = Partial<{ fullName: string; role: SessionUser["role"]; orgId: number; disabled: boolean; password: string }>;

export async function fetchUsers(org: string, signal?: AbortSignal): Promise<UserAccount[]> {
  return (await apiFetch<{ users: UserAccount[] }>("/api/users", { query: { org, subtree: true }, signal })).users;
}

export async function createUser(body: NewUser): Promise<UserAccount> {
  return (await apiFetch<{ user: UserAccount }>("/api/users", { method: "POST", body })).user;
}

export async function updateUser(id: number, body: UserChange): Promise<UserAccount> {
  return (await apiFetch<{ user: UserAccount }>(`/api/users/${id}`, { method: "PATCH", body })).user;
}
