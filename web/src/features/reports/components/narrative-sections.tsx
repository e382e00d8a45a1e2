import type { Narrative, NarrativeSection } from "../api/reports.api";
import { REPORT_TEXT as T } from "../texts";
import { CommentButton, CommentThread } from "./comments";

export const SECTIONS: readonly NarrativeSection[] = ["ketQua", "hanChe", "nguyenNhan", "kienNghi"];

type Props = { narrative: Narrative; editable: boolean; onChange: (section: NarrativeSection, text: string) => void };

function Paragraphs({ text }: { text: string }) {
  const parts = text.split(/\n+/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return <p className="empty-text">{T.emptySection}</p>;
  return <>{parts.map((p, i) => <p key={i}>{p}</p>)}</>;
}

/** The four written sections (kết quả, hạn chế, nguyên nhân, kiến nghị), each with its comments. */
export function NarrativeSections({ narrative, editable, onChange }: Props) {
  return (
    <div data-testid="narrative">
      {SECTIONS.map((s, i) => {
        const label = T.sections[s] ?? s;
        const anchor = `section:${s}`;
        const fieldId = `narrative-${s}`;
        return (
          <section key={s} className="narrative-section" aria-labelledby={`${fieldId}-title`} data-section={s}>
            <div className="narrative-section__head">
              <h3 id={`${fieldId}-title`}>{`${i + 1}. ${label}`}</h3>
              <CommentButton anchor={anchor} label={label} />
            </div>
            {editable ? (
              <>
                <label htmlFor={fieldId} className="sr-only">{label}</label>
                <textarea id={fieldId} className="textarea" value={narrative[s]} maxLength={20000} aria-describedby="narrative-hint"
                  onChange={(e) => onChange(s, e.target.value)} />
              </>
            ) : (
              <div className="narrative-text"><Paragraphs text={narrative[s]} /></div>
            )}
            <CommentThread match={{ anchor }} anchor={anchor} label={label} />
          </section>
        );
      })}
      {editable && <p id="narrative-hint" className="field__hint">{T.narrativeHint}</p>}
    </div>
  );
}
