import type { Database } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { emptySections, type PostmortemSections, type PostmortemState, type TimelineEventKind } from "@/lib/domain/postmortem-enums";
import { sectionsOf } from "./state";

const person = { select: { name: true, email: true } } as const;

export const postmortemDetails = {
  submittedBy: person,
  publishedBy: person,
  timelineEvents: { orderBy: { position: "asc" } },
  fiveWhys: { orderBy: { position: "asc" } },
} satisfies Prisma.PostmortemInclude;

type PostmortemRow = Prisma.PostmortemGetPayload<{ include: typeof postmortemDetails }>;

/** Who did something, as people read it. */
export type PersonSummary = { name: string | null; email: string };

/** What leaves the server for a postmortem; an incident without one gets an empty draft at version 0. */
export type PostmortemView = {
  id: string | null;
  incidentId: string;
  state: PostmortemState;
  version: number;
  sections: PostmortemSections;
  noActionNeededReason: string | null;
  submittedAt: string | null;
  submittedBy: PersonSummary | null;
  publishedAt: string | null;
  publishedBy: PersonSummary | null;
  updatedAt: string | null;
  timeline: { id: string; occurredAt: string; kind: TimelineEventKind; text: string }[];
  fiveWhys: { id: string; text: string }[];
};

export function toPostmortemView(incidentId: string, row: PostmortemRow | null): PostmortemView {
  if (!row) {
    return {
      id: null,
      incidentId,
      state: "DRAFT",
      version: 0,
      sections: emptySections(),
      noActionNeededReason: null,
      submittedAt: null,
      submittedBy: null,
      publishedAt: null,
      publishedBy: null,
      updatedAt: null,
      timeline: [],
      fiveWhys: [],
    };
  }
  return {
    id: row.id,
    incidentId,
    state: row.state,
    version: row.version,
    sections: sectionsOf(row),
    noActionNeededReason: row.noActionNeededReason,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    submittedBy: row.submittedBy,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    publishedBy: row.publishedBy,
    updatedAt: row.updatedAt.toISOString(),
    timeline: row.timelineEvents.map((e) => ({ id: e.id, occurredAt: e.occurredAt.toISOString(), kind: e.kind, text: e.text })),
    fiveWhys: row.fiveWhys.map((w) => ({ id: w.id, text: w.text })),
  };
}

export async function findPostmortemView(db: Database, incidentId: string): Promise<PostmortemView> {
  const row = await db.postmortem.findUnique({ where: { incidentId }, include: postmortemDetails });
  return toPostmortemView(incidentId, row);
}
