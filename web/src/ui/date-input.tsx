import { useEffect, useState } from "react";
import { formatDate, parseDayInput } from "./format";

type DateInputProps = {
  id: string;
  value: string;
  onChange: (isoDate: string) => void;
  onInvalid: (invalid: boolean) => void;
  placeholder: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
};

/** A dd/mm/yyyy text field bound to an ISO date (""= none): the filter changes once the
 * typed text is a real date or empty, never on a half-typed one. */
export function DateInput({ id, value, onChange, onInvalid, placeholder, ...aria }: DateInputProps) {
  const [text, setText] = useState(value ? formatDate(value) : "");
  useEffect(() => {
    setText((t) => (parseDayInput(t) === (value || null) ? t : value ? formatDate(value) : ""));
  }, [value]);
  return (
    <input
      id={id}
      className="input"
      inputMode="numeric"
      placeholder={placeholder}
      value={text}
      {...aria}
      onChange={(e) => {
        const t = e.target.value;
        setText(t);
        const iso = t.trim() === "" ? "" : parseDayInput(t);
        onInvalid(iso === null);
        if (iso !== null && iso !== value) onChange(iso);
      }}
    />
  );
}
