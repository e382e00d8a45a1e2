import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { isApiStatus } from "../../../ui/api-client";
import { changePassword, fetchMe, login, logout, type SessionUser } from "../api/auth.api";

export const SESSION_KEY = ["session"] as const;

/** The signed-in user, or null when there is no valid session. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async (): Promise<SessionUser | null> => {
      try {
        return await fetchMe();
      } catch (error) {
        if (isApiStatus(error, 401)) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}

/** The signed-in user; only for components rendered behind the session guard. */
export function useCurrentUser(): SessionUser {
  const { data } = useSession();
  if (!data) throw new Error("useCurrentUser outside the session guard");
  return data;
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (user) => {
      client.clear();
      client.setQueryData(SESSION_KEY, user);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      client.clear();
      client.setQueryData(SESSION_KEY, null);
    },
  });
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
