import { useId, useState } from "react";
import type { OrgRef } from "../api/plans.api";
import { PLAN_TEXT as T } from "../texts";

type Props = { taskTt: string; options: OrgRef[]; busy: boolean; onSubmit: (orgCode: string) => void };

/** Fixes a T2 breach: the issuer picks the one lead among the units the cell named. */
export function FixLeadForm({ taskTt, options, busy, onSubmit }: Props) {
  const id = useId();
  const [code, setCode] = useState(options[0]?.code ?? "");
  if (options.length === 0) return null;
  return (
    <form className="fix-lead" aria-label={`${T.fixLeadTitle} (TT ${taskTt})`} onSubmit={(e) => { e.preventDefault(); if (code) onSubmit(code); }}
      style={{ display: "flex", gap: 6, flexWrap: "wrap", alignItems: "center", marginTop: 6 }}>
      <label htmlFor={id} className="sr-only">{`${T.chooseLead} (TT ${taskTt})`}</label>
      <select id={id} className="select" style={{ width: "auto", maxWidth: "100%" }} value={code} onChange={(e) => setCode(e.target.value)} disabled={busy}>
        {options.map((o) => <option key={o.code} value={o.code}>{o.name}</option>)}
      </select>
      <button type="submit" className="btn btn--small" disabled={busy}>{T.chooseLeadButton}</button>
    </form>
  );
}
