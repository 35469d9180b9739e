"use client";

import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { type PickerOption, pickerMinimumTermLength, resultCountMessage } from "@/lib/access/people-picker";

export type PeopleSearch = (term: string) => Promise<{ ok: true; options: PickerOption[] } | { ok: false; error: string }>;

type Results = { state: "idle" } | { state: "loading" } | { state: "done"; options: PickerOption[] } | { state: "error"; message: string };

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-600 dark:border-slate-700 dark:bg-slate-900";

/**
 * A user-or-group combobox (WAI-ARIA 1.2 "combobox with listbox popup"): type to search the
 * directory (debounced), ArrowDown/ArrowUp move through the results, Enter picks one, Escape closes
 * the list. The chosen object id goes to the form in a hidden input named `name`; the server checks
 * it again, so this list is only a convenience. Results count is announced in a live region.
 * https://www.w3.org/WAI/ARIA/apg/patterns/combobox/examples/combobox-autocomplete-list/
 */
export function PeoplePicker(props: {
  id: string;
  name: string;
  label: string;
  search: PeopleSearch;
  initial?: PickerOption | null;
  describedBy?: string;
  invalid?: boolean;
  onPick?: (option: PickerOption | null) => void;
}) {
  const { id, name, label, search, initial = null, describedBy, invalid, onPick } = props;
  const listboxId = useId();
  const [text, setText] = useState(initial?.displayName ?? "");
  const [picked, setPicked] = useState<PickerOption | null>(initial);
  const [results, setResults] = useState<Results>({ state: "idle" });
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const latest = useRef(0);

  useEffect(() => {
    const term = text.trim();
    if (picked || term.length < pickerMinimumTermLength) return;
    const call = ++latest.current;
    const timer = setTimeout(() => {
      setResults({ state: "loading" });
      search(term)
        .then((answer) => {
          // An older, slower answer must not replace the one for what is typed now.
          if (call !== latest.current) return;
          setResults(answer.ok ? { state: "done", options: answer.options } : { state: "error", message: answer.error });
          setActive(-1);
        })
        .catch(() => call === latest.current && setResults({ state: "error", message: "The search failed. Check your connection and try again." }));
    }, 300);
    return () => clearTimeout(timer);
  }, [text, picked, search]);

  const options = results.state === "done" ? results.options : [];
  const expanded = open && options.length > 0;
  const message = results.state === "loading" ? "Searching…" : results.state === "error" ? results.message : results.state === "done" && options.length === 0 ? "No user or group matches." : null;
  const optionId = (index: number) => `${id}-option-${index}`;

  const choose = (option: PickerOption) => {
    setPicked(option);
    setText(option.displayName);
    setOpen(false);
    setActive(-1);
    onPick?.(option);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) setOpen(true);
      if (options.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (current + step + options.length) % options.length);
    } else if (event.key === "Enter" && expanded) {
      // Enter picks; it must not submit the form half-filled.
      event.preventDefault();
      const option = options[active];
      if (option) choose(option);
    } else if (event.key === "Escape") {
      if (expanded) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      }
    }
  };

  const announcement = results.state === "done" ? resultCountMessage(options.length) : results.state === "loading" ? "Searching…" : results.state === "error" ? results.message : "";

  return (
    <div className="relative">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listboxId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={[`${id}-picked`, describedBy].filter(Boolean).join(" ")}
        value={text}
        placeholder="Search by name, mail or UPN"
        className={inputClass}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          if (picked) {
            setPicked(null);
            onPick?.(null);
          }
          if (event.target.value.trim().length < pickerMinimumTermLength) {
            // Too short to search: an answer still on its way is for an earlier term.
            latest.current += 1;
            setResults({ state: "idle" });
          }
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => !picked && setOpen(true)}
      />
      <input type="hidden" name={name} value={picked?.objectId ?? ""} />
      <p id={`${id}-picked`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        {picked ? `Selected: ${picked.displayName} (${picked.detail})` : "Nobody selected yet."}
      </p>
      <ul
        id={listboxId}
        role="listbox"
        aria-label={`${label}: results`}
        hidden={!expanded}
        className="absolute z-10 mt-1 max-h-72 w-full overflow-auto rounded-md border border-slate-300 bg-white py-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
      >
        {options.map((option, index) => (
          <li
            key={option.objectId}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            // mousedown, not click: the input's blur would close the list before a click lands.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(option);
            }}
            className={`cursor-pointer px-3 py-2 ${index === active ? "bg-sky-100 dark:bg-sky-900" : ""}`}
          >
            <span className="font-medium">{option.displayName}</span>
            <span className="block text-xs text-slate-600 dark:text-slate-400">{option.detail}</span>
          </li>
        ))}
      </ul>
      {open && message ? (
        // Outside the listbox: a listbox holds options only.
        <p className={`mt-1 text-sm ${results.state === "error" ? "text-red-700 dark:text-red-400" : "text-slate-600 dark:text-slate-400"}`}>{message}</p>
      ) : null}
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
