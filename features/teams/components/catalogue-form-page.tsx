import type { ReactNode } from "react";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card } from "@/components/ui/card";

/**
 * The page of a service's or team's form: where it sits, its title and what to know, the form
 * in its own card, and on an edit page the card that retires it or brings it back.
 */
export function CatalogueFormPage(props: {
  /** The pages above it, e.g. Services and the service. */
  crumbs: { href: string; label: ReactNode }[];
  title: string;
  intro?: ReactNode;
  /** What the form edits, naming its card: "Service" or "Team". */
  subject: string;
  form: ReactNode;
  retirement?: { retired: boolean; text: ReactNode; button: ReactNode };
}) {
  const { retirement } = props;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div className="space-y-1">
        <Breadcrumbs links={props.crumbs} />
        <h1 className="text-2xl font-bold">{props.title}</h1>
        {props.intro}
      </div>
      <Card as="section" aria-label={props.subject}>
        {props.form}
      </Card>
      {retirement && (
        <Card as="section" aria-labelledby="retirement" className="space-y-3 text-sm text-slate-700">
          <h2 id="retirement" className="text-base font-semibold text-slate-900">
            {retirement.retired ? "Retired" : "Retire"}
          </h2>
          {retirement.text}
          {retirement.button}
        </Card>
      )}
    </div>
  );
}
