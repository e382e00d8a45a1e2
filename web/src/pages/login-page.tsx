import { Navigate, useLocation, useNavigate } from "react-router-dom";
import { useLogin, useSession } from "../features/auth/hooks/use-session";
import { LoginForm } from "../features/auth/components/login-form";
import { AUTH_TEXT } from "../features/auth/texts";
import { APP_TEXT } from "../ui/texts";

/** Sign-in; afterwards back to the page that asked for it. */
export function LoginPage() {
  const session = useSession();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? "/";
  if (session.data) return <Navigate to={from} replace />;
  return (
    <main className="center-page" id="main">
      <div className="panel login-box">
        <div className="brand" style={{ color: "var(--text)", marginBottom: 12 }}>
          <span className="brand__mark" aria-hidden="true">★</span>
          <span>{APP_TEXT.appName}</span>
        </div>
        <h1>{AUTH_TEXT.loginTitle}</h1>
        <p className="page-sub">{AUTH_TEXT.loginLead}</p>
        <LoginForm
          busy={login.isPending}
          error={login.error}
          onSubmit={(values) => login.mutate(values, { onSuccess: () => navigate(from, { replace: true }) })}
        />
      </div>
    </main>
  );
}
