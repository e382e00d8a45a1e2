import { useId, useMemo, useState } from "react";
import { foldDiacritics } from "@server/domain/text.js";
import type { InvitableUnit } from "../api/meetings.api";
import { MEETING_TEXT as T } from "../texts";

type Props = {
  label: string;
  units: InvitableUnit[];
  value: string[];
  onChange: (codes: string[]) => void;
  disabled?: boolean;
};

const CHIPS = { display: "flex", flexWrap: "wrap", gap: 6, margin: "4px 0 6px" } as const;
const CHIP = { display: "inline-flex", alignItems: "center", gap: 4, padding: "2px 4px 2px 10px", borderRadius: 999, border: "1px solid var(--border, #d0d7de)" } as const;
const OPTIONS = { listStyle: "none", margin: "4px 0 0", padding: 0, maxHeight: 240, overflowY: "auto", border: "1px solid var(--border, #d0d7de)", borderRadius: 6 } as const;

/** How many matches the list shows at once: type more to narrow. */
const SHOWN = 30;

/** Pick several units: the chosen ones as removable chips, a search box (diacritics optional)
 * over the rest; units outside the host's subtree are marked (M8 flags them). */
export function UnitMultiSelect({ label, units, value, onChange, disabled }: Props) {
  const id = useId();
  const [query, setQuery] = useState("");
  const byCode = useMemo(() => new Map(units.map((u) => [u.code, u])), [units]);
  const matches = useMemo(() => {
    const chosen = new Set(value);
    const q = foldDiacritics(query);
    return units.filter((u) => !chosen.has(u.code) && (q === "" || foldDiacritics(`${u.name} ${u.code}`).includes(q))).slice(0, SHOWN);
  }, [units, query, value]);
  const nameOf = (code: string) => byCode.get(code)?.name ?? code;
  return (
    <div className="field span-all" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="field__label">{label}</span>
      <div style={CHIPS} aria-live="polite">
        {value.length === 0 && <span className="page-sub">{T.invitedUnitsNone}</span>}
        {value.map((code) => (
          <span key={code} style={CHIP} data-code={code}>
            {nameOf(code)}{byCode.get(code)?.withinHostScope === false && <em> ({T.invitedUnitsOutside})</em>}
            <button type="button" className="btn btn--ghost" style={{ padding: "0 4px" }} aria-label={T.removeUnit(nameOf(code))} disabled={disabled} onClick={() => onChange(value.filter((c) => c !== code))}>×</button>
          </span>
        ))}
      </div>
      <input
        type="search" className="input" aria-label={T.invitedUnitsSearch} placeholder={T.invitedUnitsSearch}
        value={query} onChange={(e) => setQuery(e.target.value)} disabled={disabled} autoComplete="off"
      />
      {query.trim() !== "" && (
        <ul style={OPTIONS} aria-label={label}>
          {matches.length === 0 && <li className="page-sub">{T.invitedUnitsEmpty}</li>}
          {matches.map((u) => (
            <li key={u.code}>
              <button type="button" className="btn btn--ghost" style={{ textAlign: "left", width: "100%" }} disabled={disabled} onClick={() => { onChange([...value, u.code]); setQuery(""); }}>
                {u.name} ({u.code}){!u.withinHostScope && <em> — {T.invitedUnitsOutside}</em>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
