import type { FieldErrors } from "@/lib/validation";

/**
 * The parameters of a link that were not understood: the page still shows, without them,
 * and says so (`what` names them: "filters", "parameters").
 */
export function LinkProblems({ errors, what = "parameters" }: { errors: FieldErrors; what?: string }) {
  const problems = Object.entries(errors);
  if (problems.length === 0) return null;
  return (
    <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      <p className="font-semibold">Some {what} in this link were not understood and are not applied:</p>
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
