import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createUser, fetchUsers, updateUser, type NewUser, type UserChange } from "../api/users.api";

/** Accounts of `org` and its subtree. */
export function useUsers(org: string) {
  return useQuery({ queryKey: ["users", org], queryFn: ({ signal }) => fetchUsers(org, signal) });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({ mutationFn: (body: NewUser) => createUser(body), onSuccess: () => void client.invalidateQueries({ queryKey: ["users"] }) });
}

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: number; change: UserChange }) => updateUser(id, change),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["users"] }),
  });
}
