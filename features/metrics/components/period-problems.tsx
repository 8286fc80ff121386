import type { FieldErrors } from "@/lib/validation";

/** Parameters of the link that were not understood, and are left out of the figures. */
export function PeriodProblems({ errors }: { errors: FieldErrors }) {
  const problems = Object.entries(errors);
  if (problems.length === 0) return null;
  return (
    <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      <p className="font-semibold">Some parameters in this link were not understood and are not applied:</p>
      <ul className="list-disc pl-5">
        {problems.map(([name, messages]) => (
          <li key={name}>
            <code>{name}</code>: {messages.join("; ")}
          </li>
        ))}
      </ul>
    </div>
  );
}
