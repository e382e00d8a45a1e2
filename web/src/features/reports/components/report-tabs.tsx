import { NavLink, useLocation } from "react-router-dom";
import { useCurrentUser } from "../../auth/hooks/use-session";
import { REPORT_TEXT as T } from "../texts";

/** The pages of periodic reports; the unit (and year or period) carry over between them. */
export function ReportTabs() {
  const user = useCurrentUser();
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const keep = new URLSearchParams();
  for (const k of ["org", "year", "period"]) {
    const v = params.get(k);
    if (v) keep.set(k, v);
  }
  const qs = keep.toString() ? `?${keep.toString()}` : "";
  const tabs = [
    { to: "/bao-cao", label: T.tabSchedule, show: true },
    { to: "/bao-cao/theo-doi", label: T.tabMatrix, show: user.role !== "officer" },
    { to: "/bao-cao/tong-hop", label: T.tabCombined, show: user.role !== "officer" },
    { to: "/xep-loai", label: T.tabRatings, show: user.role !== "officer" },
  ];
  return (
    <nav aria-label={T.tabs}>
      <ul className="report-tabs">
        {tabs.filter((t) => t.show).map((t) => (
          <li key={t.to}><NavLink to={`${t.to}${qs}`} end>{t.label}</NavLink></li>
        ))}
      </ul>
    </nav>
  );
}
