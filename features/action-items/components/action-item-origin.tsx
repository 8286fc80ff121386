import Link from "next/link";

/**
 * Where an action item belongs: its incident, or, for a follow-up agreed in a review meeting
 * about no one incident, that review.
 */
export function ActionItemOrigin({ incident, agreedInWeek }: { incident: { reference: string; title?: string } | null; agreedInWeek: string | null }) {
  if (incident) {
    return (
      <Link href={`/incidents/${incident.reference}`} title={incident.title} className="whitespace-nowrap font-mono text-xs text-indigo-700 hover:underline">
        {incident.reference}
      </Link>
    );
  }
  if (!agreedInWeek) return <span className="text-slate-500">None</span>;
  return <ReviewLink week={agreedInWeek} />;
}

/** "Agreed in review 2026-W48", linking to that review. */
export function ReviewLink({ week }: { week: string }) {
  return (
    <Link href={`/reviews/${week}`} className="text-xs text-indigo-700 hover:underline">
      Agreed in review <span className="whitespace-nowrap">{week}</span>
    </Link>
  );
}
