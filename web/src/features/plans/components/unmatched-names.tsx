import { useId, useState } from "react";
import { ErrorView } from "../../../ui/error-view";
import type { OrgUnit } from "../../scope/api/orgs.api";
import type { UnmatchedName } from "../plan-format";
import { PLAN_TEXT as T } from "../texts";

type Props = {
  names: UnmatchedName[];
  /** the units a name may be mapped to: the issuer's subtree */
  units: OrgUnit[];
  saving: boolean;
  saveError: unknown;
  rematching: boolean;
  onSave: (name: string, orgCode: string) => Promise<unknown>;
  onRematch: () => void;
};

function MapRow({ entry, units, saving, onSave }: { entry: UnmatchedName; units: OrgUnit[]; saving: boolean; onSave: Props["onSave"] }) {
  const id = useId();
  const [code, setCode] = useState(entry.candidates[0]?.code ?? "");
  const [saved, setSaved] = useState(false);
  const others = units.filter((u) => !entry.candidates.some((c) => c.code === u.code));
  return (
    <li className="map-row" data-testid="unmatched-name">
      <div>
        <strong>«{entry.name}»</strong>
        <div className="page-sub">{T.unmatchedRows(entry.tts)}</div>
      </div>
      <div className="field">
        <label htmlFor={id}>{T.mapTo(entry.name)}</label>
        <select id={id} className="select" value={code} onChange={(e) => { setCode(e.target.value); setSaved(false); }} disabled={saving}>
          <option value="">{T.pickUnit}</option>
          {entry.candidates.length > 0 && (
            <optgroup label={T.suggestions}>{entry.candidates.map((c) => <option key={c.code} value={c.code}>{c.name} ({c.code})</option>)}</optgroup>
          )}
          <optgroup label={T.allUnits}>{others.map((u) => <option key={u.code} value={u.code}>{u.name} ({u.code})</option>)}</optgroup>
        </select>
      </div>
      <div>
        {saved ? <span className="badge badge--ok" role="status">✓ {T.aliasSaved}</span> : (
          <button type="button" className="btn" disabled={saving || code === ""}
            onClick={() => void onSave(entry.name, code).then(() => setSaved(true), () => undefined)}>
            {T.saveAlias}
          </button>
        )}
      </div>
    </li>
  );
}

/** Names of the table matched to no unit: map each once to a unit, then match the table again. */
export function UnmatchedNames({ names, units, saving, saveError, rematching, onSave, onRematch }: Props) {
  if (names.length === 0) return null;
  return (
    <section className="panel panel--warn" aria-labelledby="unmatched-title" data-testid="unmatched-names">
      <div className="panel__head"><h2 id="unmatched-title">{T.unmatchedTitle} ({names.length})</h2></div>
      <p className="page-sub">{T.unmatchedHelp}</p>
      <ul className="map-list">
        {names.map((n) => <MapRow key={n.name} entry={n} units={units} saving={saving} onSave={onSave} />)}
      </ul>
      {saveError ? <ErrorView error={saveError} /> : null}
      <div className="form-actions">
        <button type="button" className="btn btn--primary" onClick={onRematch} disabled={rematching}>{T.rematch}</button>
      </div>
    </section>
  );
}
