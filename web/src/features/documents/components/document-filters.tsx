import { useEffect, useState } from "react";
import { DOCUMENT_TYPES } from "@server/domain/document-types.js";
import { Field } from "../../../ui/field";
import { DateInput } from "../../../ui/date-input";
import { useDebounced } from "../../../ui/use-debounced";
import { formatPercent } from "../../../ui/format";
import { DOCUMENT_TEXT as T } from "../texts";

export const DOCUMENT_FILTER_KEYS = ["q", "type", "from", "to", "digitized", "sentElectronically", "breach", "copiedOver", "sort"] as const;
export type DocumentFilterValues = Record<(typeof DOCUMENT_FILTER_KEYS)[number], string>;

type Props = {
  values: DocumentFilterValues;
  onChange: (change: Partial<DocumentFilterValues>) => void;
  onClear: () => void;
  /** the D5 threshold in force (percent), for the "copied" filter's label */
  copyThreshold?: number | undefined;
};

/** Filters of the document register; the text search waits until typing pauses. */
export function DocumentFilters({ values, onChange, onClear, copyThreshold }: Props) {
  const [q, setQ] = useState(values.q);
  const debouncedQ = useDebounced(q, 350);
  const [badFrom, setBadFrom] = useState(false);
  const [badTo, setBadTo] = useState(false);
  useEffect(() => {
    if (debouncedQ !== values.q) onChange({ q: debouncedQ });
  }, [debouncedQ]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    // the URL changed from outside (clear, back button): show it
    if (values.q !== debouncedQ) setQ(values.q);
  }, [values.q]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <form className="filters" role="search" onSubmit={(e) => { e.preventDefault(); onChange({ q }); }}>
      <Field label={T.search} hint={T.searchHint} className="field--wide">
        {(p) => <input {...p} className="input" type="search" value={q} onChange={(e) => setQ(e.target.value)} />}
      </Field>
      <Field label={T.type}>
        {(p) => (
          <select {...p} className="select" value={values.type} onChange={(e) => onChange({ type: e.target.value })}>
            <option value="">{T.allTypes}</option>
            {DOCUMENT_TYPES.map((t) => <option key={t.code} value={t.code}>{t.code} — {t.name}</option>)}
          </select>
        )}
      </Field>
      <Field label={T.from} error={badFrom ? T.badDate : undefined}>
        {(p) => <DateInput {...p} value={values.from} placeholder={T.datePlaceholder} onInvalid={setBadFrom} onChange={(from) => onChange({ from })} />}
      </Field>
      <Field label={T.to} error={badTo ? T.badDate : undefined}>
        {(p) => <DateInput {...p} value={values.to} placeholder={T.datePlaceholder} onInvalid={setBadTo} onChange={(to) => onChange({ to })} />}
      </Field>
      <Field label={T.digitized}>
        {(p) => (
          <select {...p} className="select" value={values.digitized} onChange={(e) => onChange({ digitized: e.target.value })}>
            <option value="">{T.flagAll}</option>
            <option value="1">{T.digitizedYes}</option>
            <option value="0">{T.digitizedNo}</option>
          </select>
        )}
      </Field>
      <Field label={T.sent}>
        {(p) => (
          <select {...p} className="select" value={values.sentElectronically} onChange={(e) => onChange({ sentElectronically: e.target.value })}>
            <option value="">{T.flagAll}</option>
            <option value="1">{T.sentYes}</option>
            <option value="0">{T.sentNo}</option>
          </select>
        )}
      </Field>
      <Field label={T.breach}>
        {(p) => (
          <select {...p} className="select" value={values.breach} onChange={(e) => onChange({ breach: e.target.value })}>
            <option value="">{T.breachAll}</option>
            <option value="not_digitized">{T.breachNotDigitized}</option>
            <option value="not_sent">{T.breachNotSent}</option>
          </select>
        )}
      </Field>
      <Field label={T.copiedFilter}>
        {(p) => (
          <select {...p} className="select" value={values.copiedOver} onChange={(e) => onChange({ copiedOver: e.target.value })}>
            <option value="">{T.copiedAll}</option>
            <option value="1">{T.copiedOver(copyThreshold === undefined ? "ngưỡng" : formatPercent(copyThreshold))}</option>
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
