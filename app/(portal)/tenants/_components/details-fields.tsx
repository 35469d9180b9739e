import { FieldError, inputClass } from "./tenant-feedback";

/** Contacts and cost centre, shared by creating and editing. */
export function DetailsFields({ values, errors }: { values: Record<string, string>; errors: Partial<Record<string, string>> }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div>
        <label htmlFor="contacts" className="text-sm font-medium">
          Contacts
        </label>
        <textarea id="contacts" name="contacts" rows={2} defaultValue={values.contacts ?? ""} className={inputClass} aria-invalid={errors.contacts ? true : undefined} aria-describedby={errors.contacts ? "contacts-error contacts-hint" : "contacts-hint"} />
        <p id="contacts-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          Mail addresses, separated by commas (at most 10).
        </p>
        <FieldError id="contacts-error" message={errors.contacts} />
      </div>
      <div>
        <label htmlFor="costCentre" className="text-sm font-medium">
          Cost centre
        </label>
        <input id="costCentre" name="costCentre" maxLength={40} defaultValue={values.costCentre ?? ""} className={inputClass} aria-invalid={errors.costCentre ? true : undefined} aria-describedby={errors.costCentre ? "costCentre-error" : undefined} />
        <FieldError id="costCentre-error" message={errors.costCentre} />
      </div>
    </div>
  );
}
