"use client";

import { useEffect, useRef, useState } from "react";
import { PeoplePicker } from "@/components/access/people-picker";
import type { PickerOption } from "@/lib/access/people-picker";
import { searchAuditPeopleAction } from "../_actions/search-audit-people";

const unpicked = "Choose a person from the list, or clear the field.";

/**
 * The person filter: a people picker whose chosen object id is the form's `person` value. A name
 * typed but not picked would submit no person at all, i.e. silently widen the view to everyone, so
 * submitting is refused until the field is either picked or empty.
 */
export function PersonFilter({ initial, error }: { initial: PickerOption | null; error?: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [message, setMessage] = useState(error);

  useEffect(() => {
    const form = container.current?.closest("form");
    if (!form) return;
    const check = (event: SubmitEvent) => {
      const typed = container.current?.querySelector<HTMLInputElement>('input[role="combobox"]');
      const picked = container.current?.querySelector<HTMLInputElement>('input[name="person"]');
      if (typed && typed.value.trim() && !picked?.value) {
        event.preventDefault();
        setMessage(unpicked);
        typed.focus();
      }
    };
    form.addEventListener("submit", check);
    return () => form.removeEventListener("submit", check);
  }, []);

  return (
    <div ref={container}>
      <PeoplePicker
        id="person"
        name="person"
        label="Person"
        search={searchAuditPeopleAction}
        initial={initial}
        invalid={Boolean(message)}
        describedBy={message ? "person-error" : undefined}
        onPick={() => setMessage(undefined)}
      />
      {message ? <p id="person-error" className="mt-1 text-xs font-medium text-red-700 dark:text-red-400">{message}</p> : null}
    </div>
  );
}
