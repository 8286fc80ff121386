// The pieces every filtered, paged list shares: a date bound, the filter form's buttons and
// the page links.
import Link from "next/link";
import { inputClass } from "./field";

const isDate = (value: string | undefined) => !value || /^\d{4}-\d{2}-\d{2}$/.test(value);

/** A from/to bound: a date picker, or a text box when the link gave an instant. */
export function DateBoundField(props: { name: string; label: string; value?: string; invalid?: boolean }) {
  return (
    <label className="text-sm font-medium text-slate-800">
      {props.label}
      <input
        type={isDate(props.value) ? "date" : "text"}
        name={props.name}
        defaultValue={props.value ?? ""}
        aria-invalid={props.invalid ? true : undefined}
        className={inputClass}
      />
    </label>
  );
}

export function FilterFormActions({ clearHref }: { clearHref: string }) {
  return (
    <>
      <button type="submit" className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-800">
        Apply filters
      </button>
      <Link href={clearHref} className="px-2 py-2 text-sm font-medium text-indigo-700 hover:underline">
        Clear filters
      </Link>
    </>
  );
}

/** Previous and next page of a keyset-paged list; either is left out at its end. */
export function PageLinks({ previousHref, nextHref }: { previousHref: string | null; nextHref: string | null }) {
  return (
    <nav aria-label="Pages" className="flex justify-between text-sm">
      {previousHref ? (
        <Link href={previousHref} className="font-medium text-indigo-700 hover:underline">
          ← Previous page
        </Link>
      ) : (
        <span />
      )}
      {nextHref ? (
        <Link href={nextHref} className="font-medium text-indigo-700 hover:underline">
          Next page →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** A filter of one value out of a few; the empty first choice is "Any". */
export function ChoiceFilter(props: { name: string; label: string; value: string; choices: [value: string, words: string][]; invalid?: boolean }) {
  return (
    <label className="flex items-center gap-2 text-sm text-slate-700">
      {props.label}
      <select
        name={props.name}
        defaultValue={props.value}
        aria-invalid={props.invalid ? true : undefined}
        className={`rounded-md border bg-white px-2 py-1.5 text-sm ${props.invalid ? "border-red-500" : "border-slate-300"}`}
      >
        <option value="">Any</option>
        {props.choices.map(([value, words]) => (
          <option key={value} value={value}>
            {words}
          </option>
        ))}
      </select>
    </label>
  );
}
