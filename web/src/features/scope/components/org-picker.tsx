import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { foldDiacritics } from "@server/domain/text.js";
import { LEVEL_LABEL, labelOf } from "../../../ui/texts";
import type { OrgTree } from "../hooks/use-orgs";
import { SCOPE_TEXT } from "../texts";

const MAX_SHOWN = 80;

type OrgPickerProps = { tree: OrgTree | null; value: string; onChange: (code: string) => void; label?: string };

/** A searchable unit picker (ARIA combobox): only the units the user may see; the search
 * ignores diacritics, so "kien thiet" finds "Xã Kiến Thiết". */
export function OrgPicker({ tree, value, onChange, label = SCOPE_TEXT.unit }: OrgPickerProps) {
  const id = useId();
  const listId = `${id}-list`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const selected = tree?.byCode.get(value);

  const matches = useMemo(() => {
    if (!tree) return [];
    const words = foldDiacritics(query).split(" ").filter(Boolean);
    return tree.list.filter((o) => {
      const text = tree.searchText.get(o.code) ?? "";
      return words.every((w) => text.includes(w));
    });
  }, [tree, query]);
  const shown = matches.slice(0, MAX_SHOWN);

  const choose = (code: string) => {
    setOpen(false);
    setQuery("");
    if (code !== value) onChange(code);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) setOpen(true);
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((a) => (shown.length === 0 ? 0 : (a + step + shown.length) % shown.length));
    } else if (e.key === "Enter" && open) {
      e.preventDefault();
      const option = shown[active];
      if (option) choose(option.code);
    } else if (e.key === "Escape") {
      setOpen(false);
      setQuery("");
    }
  };

  const display = open ? query : selected ? selected.name : value;
  return (
    <div className="field combobox">
      <label htmlFor={id} className="field__label">{label}</label>
      <input
        ref={inputRef}
        id={id}
        className="input"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && shown[active] ? `${id}-opt-${shown[active].code}` : undefined}
        placeholder={SCOPE_TEXT.unitSearch}
        value={display}
        onFocus={(e) => { setOpen(true); setActive(0); e.currentTarget.select(); }}
        onBlur={() => { setOpen(false); setQuery(""); }}
        onChange={(e) => { setQuery(e.target.value); setActive(0); setOpen(true); }}
        onKeyDown={onKeyDown}
        autoComplete="off"
        spellCheck={false}
      />
      {open && (
        <ul id={listId} role="listbox" className="combobox__list" aria-label={label}>
          {shown.map((o, i) => (
            <li
              key={o.code}
              id={`${id}-opt-${o.code}`}
              role="option"
              aria-selected={i === active}
              className="combobox__option"
              style={{ paddingLeft: query ? 10 : 10 + 14 * (tree?.depthOf(o.code) ?? 0) }}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(o.code)}
            >
              <span>{o.name}</span>
              <small>{o.code} · {labelOf(LEVEL_LABEL, o.level)}</small>
            </li>
          ))}
          {shown.length === 0 && <li className="combobox__empty">{SCOPE_TEXT.noUnitFound}</li>}
          {matches.length > shown.length && <li className="combobox__empty">{SCOPE_TEXT.moreUnits(matches.length - shown.length)}</li>}
        </ul>
      )}
    </div>
  );
}
