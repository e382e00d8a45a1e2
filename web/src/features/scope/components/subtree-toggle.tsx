import { SCOPE_TEXT } from "../texts";

/** Numbers of the unit alone, or with every unit below it. */
export function SubtreeToggle({ value, onChange }: { value: boolean; onChange: (subtree: boolean) => void }) {
  return (
    <div className="field">
      <span className="field__label" id="subtree-label">{SCOPE_TEXT.range}</span>
      <div className="segmented" role="group" aria-labelledby="subtree-label">
        <button type="button" aria-pressed={!value} onClick={() => onChange(false)}>{SCOPE_TEXT.selfOnly}</button>
        <button type="button" aria-pressed={value} onClick={() => onChange(true)}>{SCOPE_TEXT.withSubtree}</button>
      </div>
    </div>
  );
}
