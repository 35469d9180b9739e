import Link from "next/link";
import type { PickerOption } from "@/lib/access/people-picker";
import type { ReviewField } from "@/lib/audit/review-query";
import { PersonFilter } from "./person-filter";

const inputClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-600 dark:border-slate-700 dark:bg-slate-950";

export type FilterOption = { value: string; label: string };
type Values = Partial<Record<ReviewField, string>>;

function Field({ name, label, hint, errors, children }: { name: ReviewField; label: string; hint?: string; errors: Values; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={name} className="text-sm font-medium">{label}</label>
      {children}
      {hint ? <p id={`${name}-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">{hint}</p> : null}
      {errors[name] ? <p id={`${name}-error`} className="mt-1 text-xs font-medium text-red-700 dark:text-red-400">{errors[name]}</p> : null}
    </div>
  );
}

const described = (name: ReviewField, errors: Values, hint = false) => ({
  "aria-invalid": errors[name] ? true : undefined,
  "aria-describedby": [hint ? `${name}-hint` : "", errors[name] ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined,
});

/** The review's filters as a GET form: the URL is the state, so a filtered view can be bookmarked and shared. */
export function ReviewFilterForm(props: { values: Values; errors: Values; person: PickerOption | null; clusters: FilterOption[]; tenants: FilterOption[]; filtered: boolean }) {
  const { values, errors, person, clusters, tenants, filtered } = props;
  const select = (name: "cluster" | "tenant", options: FilterOption[]) => (
    <select id={name} name={name} defaultValue={values[name] ?? ""} className={inputClass} {...described(name, errors)}>
      <option value="">Any</option>
      {/* Keep a value from a link (e.g. a cluster no longer listed) selectable rather than dropped. */}
      {values[name] && !options.some((option) => option.value === values[name]) ? <option value={values[name]}>{values[name]}</option> : null}
      {options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
    </select>
  );
  return (
    <form method="get" className="mb-6 grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4 dark:border-slate-800 dark:bg-slate-900" aria-label="Filter audit events">
      {/* Keyed by the person so that following a link (e.g. Clear) starts the picker afresh. */}
      <PersonFilter key={person?.objectId ?? ""} initial={person} error={errors.person} />
      <Field name="action" label="Action" hint="Exact, or a category such as request.*" errors={errors}>
        <input id="action" name="action" defaultValue={values.action} placeholder="e.g. request.*" className={inputClass} {...described("action", errors, true)} />
      </Field>
      <Field name="cluster" label="Cluster" errors={errors}>{select("cluster", clusters)}</Field>
      <Field name="tenant" label="Tenant" errors={errors}>{select("tenant", tenants)}</Field>
      <Field name="outcome" label="Outcome" errors={errors}>
        <select id="outcome" name="outcome" defaultValue={values.outcome ?? ""} className={inputClass} {...described("outcome", errors)}>
          <option value="">Any</option>
          <option value="success">Success</option>
          <option value="failure">Failure</option>
          <option value="denied">Denied</option>
        </select>
      </Field>
      <Field name="correlation" label="Correlation id" errors={errors}>
        <input id="correlation" name="correlation" defaultValue={values.correlation} className={inputClass} {...described("correlation", errors)} />
      </Field>
      <Field name="from" label="From (UTC day)" errors={errors}>
        <input id="from" name="from" type="date" defaultValue={values.from} className={inputClass} {...described("from", errors)} />
      </Field>
      <Field name="to" label="To (UTC day, included)" errors={errors}>
        <input id="to" name="to" type="date" defaultValue={values.to} className={inputClass} {...described("to", errors)} />
      </Field>
      <Field name="target" label="Object" hint="Set by a target's “History” link" errors={errors}>
        <input id="target" name="target" defaultValue={values.target} className={inputClass} {...described("target", errors, true)} />
      </Field>
      <div className="flex items-end gap-3">
        <button type="submit" className="rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600">
          Apply filters
        </button>
        {filtered ? <Link href="/audit" className="text-sm underline">Clear</Link> : null}
      </div>
    </form>
  );
}
