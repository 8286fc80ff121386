"use client";

import { usePathname } from "next/navigation";
import { NotFoundNotice } from "./not-found-notice";

type Kind = "incident" | "review" | "service";

// A not-found page gets no params: the reference is read back from the address, as typed.
function referenceIn(pathname: string): string {
  let reference = pathname.split("/")[2] ?? "";
  try {
    reference = decodeURIComponent(reference);
  } catch {
    // A malformed escape: show it as it came.
  }
  return reference.length > 60 ? `${reference.slice(0, 60)}…` : reference;
}

/** The 404 of a record's page, naming the incident, week or service that does not exist. */
export function MissingRecord({ kind }: { kind: Kind }) {
  const pathname = usePathname();
  const reference = referenceIn(pathname);
  if (kind === "incident") {
    const postmortem = pathname.endsWith("/postmortem");
    return (
      <NotFoundNotice
        title={postmortem ? `No postmortem for ${reference}` : `No incident ${reference}`}
        links={[{ href: "/incidents", label: "All incidents" }]}
      >
        There is no incident {reference}
        {postmortem ? ", so there is no postmortem either" : ""}. References look like INC-2026-0042.
      </NotFoundNotice>
    );
  }
  if (kind === "review") {
    return (
      <NotFoundNotice title={`No review for week ${reference}`} links={[{ href: "/reviews", label: "All reviews" }]}>
        {reference} is not a week. Weeks are written like 2026-W07, from W01 to W52 (W53 in some years).
      </NotFoundNotice>
    );
  }
  return (
    <NotFoundNotice title={`No service ${reference}`} links={[{ href: "/services", label: "All services" }]}>
      There is no service with the short name “{reference}”.
    </NotFoundNotice>
  );
}
