import { NavLink, Outlet, useLocation, useNavigate } from "react-router-dom";
import { useCurrentUser, useLogout } from "../features/auth/hooks/use-session";
import { canImport, canManage } from "../features/auth/permissions";
import { AUTH_TEXT } from "../features/auth/texts";
import { ScopeBar } from "../features/scope/components/scope-bar";
import { PLAN_TEXT } from "../features/plans/texts";
import { REPORT_TEXT } from "../features/reports/texts";
import { CONFERENCE_PLAN_TEXT } from "../features/conference-plans/texts";
import { CALENDAR_TEXT } from "../features/calendar/texts";
import { useScope } from "../features/scope/hooks/use-scope";
import { APP_TEXT, NAV_TEXT, ROLE_LABEL, labelOf } from "../ui/texts";
import { useHeaderHeight } from "../ui/use-header-height";

/** Pages whose numbers depend on the unit picker (and, for the dashboard, the period). */
const SCOPED = [
  { path: "/", withPeriod: true },
  { path: "/van-ban", withPeriod: false },
  { path: "/hoi-nghi", withPeriod: false },
  { path: "/lich-hoi-nghi", withPeriod: false },
  { path: "/ke-hoach", withPeriod: false },
  { path: "/qua-han", withPeriod: false },
];

/** The signed-in shell: header with navigation and user menu, the scope bar, the page. */
export function AppLayout() {
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const { scopeSearch } = useScope();
  const headerRef = useHeaderHeight<HTMLElement>();
  const scoped = SCOPED.find((s) => s.path === location.pathname);
  const links = [
    { to: "/", label: NAV_TEXT.dashboard, show: true },
    { to: "/van-ban", label: NAV_TEXT.documents, show: true },
    { to: "/hoi-nghi", label: NAV_TEXT.meetings, show: true },
    { to: "/lich-hoi-nghi", label: CALENDAR_TEXT.nav, show: true },
    { to: "/ke-hoach", label: PLAN_TEXT.navPlans, show: true },
    { to: "/ke-hoach-hoi-nghi", label: CONFERENCE_PLAN_TEXT.nav, show: true },
    { to: "/viec-cua-toi", label: PLAN_TEXT.navMyTasks, show: true },
    { to: "/qua-han", label: PLAN_TEXT.navOverdue, show: user.role !== "officer" },
    { to: "/bao-cao", label: REPORT_TEXT.nav, show: true },
    { to: "/nhap-du-lieu", label: NAV_TEXT.imports, show: canImport(user.role) },
    { to: "/quan-tri/tai-khoan", label: NAV_TEXT.users, show: canManage(user.role) },
  ];
  return (
    <>
      <a className="skip-link" href="#main">{APP_TEXT.skipToContent}</a>
      <header className="app-header" ref={headerRef}>
        <div className="app-header__bar">
          <NavLink to={{ pathname: "/", search: scopeSearch }} className="brand">
            <span className="brand__mark" aria-hidden="true">★</span>
            <span>{APP_TEXT.appName} <span className="brand__sub">· {APP_TEXT.appTagline}</span></span>
          </NavLink>
          <nav className="main-nav" aria-label={NAV_TEXT.main}>
            {links.filter((l) => l.show).map((l) => (
              <NavLink key={l.to} to={{ pathname: l.to, search: l.to === "/nhap-du-lieu" || l.to.startsWith("/quan-tri") ? "" : scopeSearch }} end={l.to === "/"}>
                {l.label}
              </NavLink>
            ))}
          </nav>
          <div className="user-menu">
            <NavLink to="/tai-khoan" className="user-menu__name" style={{ color: "#fff", textDecoration: "none" }}
              aria-label={NAV_TEXT.userMenu(user.fullName, labelOf(ROLE_LABEL, user.role))}>
              {user.fullName}
              <span className="user-menu__role">{labelOf(ROLE_LABEL, user.role)} · {user.org.name}</span>
            </NavLink>
            <button type="button" className="btn btn--small" disabled={logout.isPending}
              onClick={() => logout.mutate(undefined, { onSettled: () => navigate("/dang-nhap", { replace: true }) })}>
              {AUTH_TEXT.logout}
            </button>
          </div>
        </div>
      </header>
      {scoped && <ScopeBar withPeriod={scoped.withPeriod} />}
      <main id="main" className="page" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
