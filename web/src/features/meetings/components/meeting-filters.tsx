import { useEffect, useState } from "react";
import { Field } from "../../../ui/field";
import { DateInput } from "../../../ui/date-input";
import { useDebounced } from "../../../ui/use-debounced";
import { CATEGORY_LABEL, FORMAT_LABEL, SCOPE_LABEL } from "../../../ui/texts";
import { MEETING_TEXT as T } from "../texts";

export const MEETING_FILTER_KEYS = ["q", "category", "scope", "format", "from", "to", "breach", "sort"] as const;
export type MeetingFilterValues = Record<(typeof MEETING_FILTER_KEYS)[number], string>;

type Props = { values: MeetingFilterValues; onChange: (change: Partial<MeetingFilterValues>) => void; onClear: () => void };

function EnumSelect({ id, value, labels, onChange, ...aria }: { id: string; value: string; labels: Record<string, string>; onChange: (v: string) => void }) {
  return (
    <select id={id} {...aria} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{T.all}</option>
      {Object.entries(labels).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
    </select>
  );
}

/** Filters of the conference register; the text search waits until typing pauses. */
export function MeetingFilters({ values, onChange, onClear }: Props) {
  const [q, setQ] = useState(values.q);
  const debouncedQ = useDebounced(q, 350);
  const [badFrom, setBadFrom] = useState(false);
  const [badTo, setBadTo] = useState(false);
  useEffect(() => {
    if (debouncedQ !== values.q) onChange({ q: debouncedQ });
  }, [debouncedQ]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (values.q !== debouncedQ) setQ(values.q);
  }, [values.q]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <form className="filters" role="search" onSubmit={(e) => { e.preventDefault(); onChange({ q }); }}>
      <Field label={T.search} hint={T.searchHint} className="field--wide">
        {(p) => <input {...p} className="input" type="search" value={q} onChange={(e) => setQ(e.target.value)} />}
      </Field>
      <Field label={T.category}>{(p) => <EnumSelect {...p} value={values.category} labels={CATEGORY_LABEL} onChange={(category) => onChange({ category })} />}</Field>
      <Field label={T.scope}>{(p) => <EnumSelect {...p} value={values.scope} labels={SCOPE_LABEL} onChange={(scope) => onChange({ scope })} />}</Field>
      <Field label={T.format}>{(p) => <EnumSelect {...p} value={values.format} labels={FORMAT_LABEL} onChange={(format) => onChange({ format })} />}</Field>
      <Field label={T.from} error={badFrom ? T.badDate : undefined}>
        {(p) => <DateInput {...p} value={values.from} placeholder={T.datePlaceholder} onInvalid={setBadFrom} onChange={(from) => onChange({ from })} />}
      </Field>
      <Field label={T.to} error={badTo ? T.badDate : undefined}>
        {(p) => <DateInput {...p} value={values.to} placeholder={T.datePlaceholder} onInvalid={setBadTo} onChange={(to) => onChange({ to })} />}
      </Field>
      <Field label={T.breach}>
        {(p) => (
          <select {...p} className="select" value={values.breach} onChange={(e) => onChange({ breach: e.target.value })}>
            <option value="">{T.breachAll}</option>
            <option value="m4">{T.breachM4}</option>
            <option value="m5">{T.breachM5}</option>
          </select>
        )}
      </Field>
      <div className="field">
        <button type="button" className="btn" onClick={() => { setQ(""); onClear(); }}>{T.clearFilters}</button>
        <span className="field__error" />
      </div>
    </form>
  );
}
