import { Navigate, Outlet, useLocation } from "react-router-dom";
import { useSession } from "../features/auth/hooks/use-session";
import { ErrorView } from "../ui/error-view";
import { APP_TEXT } from "../ui/texts";

/** Renders the signed-in pages, or sends the visitor to the login page. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <div className="center-page" aria-busy="true">{APP_TEXT.loading}</div>;
  if (session.error) return <div className="page"><ErrorView error={session.error} onRetry={() => void session.refetch()} /></div>;
  if (!session.data) return <Navigate to="/dang-nhap" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}
