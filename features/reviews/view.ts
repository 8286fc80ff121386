import { subjectsOf } from "./subjects";
import type { AgendaItemDetail, AgendaItemKind, ProposedItem, ReviewStatus } from "./agenda-types";

/** One agenda item as the page, the exports and the API see it. */
export type AgendaItemView = {
  /** The stored item's id; null while the agenda is still only the app's proposal. */
  id: string | null;
  /** Which proposed item this is; null for a custom item. */
  key: string | null;
  /** What forms send to name the item: its id once stored, its key before. */
  handle: string;
  kind: AgendaItemKind;
  title: string;
  /** 1-based position. */
  order: number;
  minutes: number;
  presenter: { id: string; name: string } | null;
  notes: string;
  decision: string;
  version: number;
  startedAt: string | null;
  finishedAt: string | null;
  /** The item's facts; null when a stored item has nothing left in it (e.g. a SEV1 downgraded since). */
  detail: AgendaItemDetail | null;
  incidentReferences: string[];
  actionItemIds: string[];
  service: string | null;
};

/** Why an incident is flagged on a frozen review. */
export type ChangeSinceMeeting = "edited" | "filed-after-start" | "not-on-agenda";

export type ChangedIncident = { reference: string; title: string; reason: ChangeSinceMeeting; frozenVersion: number | null; currentVersion: number };

export type ReviewView = {
  week: string;
  status: ReviewStatus;
  meetingDate: string;
  judgedOn: string;
  /** The covered week has ended (as of the request): before that its figures are the week so far. */
  weekEnded: boolean;
  meetingLengthMinutes: number;
  /** The stored review (null until a LEAD first edits the proposal). */
  review: {
    id: string;
    version: number;
    preparedAt: string | null;
    startedAt: string | null;
    finishedAt: string | null;
    /** When a LEAD last spun the wheel in the meeting; screens following along show it landed from then on. */
    wheelSpunAt: string | null;
    currentItemId: string | null;
  } | null;
  /** Once the meeting started the items' facts come from the snapshot taken then. */
  frozen: boolean;
  items: AgendaItemView[];
  totalMinutes: number;
  /** Proposed items not on the stored agenda (new since it was prepared, or removed by a LEAD). */
  suggestions: ProposedItem[];
  /** Incidents of the frozen agenda edited since the meeting started, and the week's incidents it did not show. */
  changedSinceMeeting: ChangedIncident[];
};

/** The agenda and its facts as they stood when the meeting started (reviews.snapshot). */
export type ReviewSnapshot = {
  frozenAt: string;
  judgedOn: string;
  /** Agenda item id → the facts it showed. */
  details: Record<string, AgendaItemDetail | null>;
  /** Every incident the frozen agenda showed or the week held → its version then. */
  incidentVersions: Record<string, number>;
};

export type StoredAgendaItem = {
  id: string;
  kind: AgendaItemKind;
  title: string;
  position: number;
  minutes: number;
  presenter: { id: string; name: string } | null;
  notes: string;
  decision: string;
  version: number;
  proposalKey: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
};

export type StoredReview = {
  id: string;
  status: ReviewStatus;
  version: number;
  preparedAt: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** When a LEAD last spun the wheel in the meeting. */
  wheelSpunAt: Date | null;
  currentItemId: string | null;
  snapshot: ReviewSnapshot | null;
  items: StoredAgendaItem[];
};

type ViewInput = {
  week: string;
  meetingDate: string;
  judgedOn: string;
  weekEnded: boolean;
  meetingLengthMinutes: number;
  review: StoredReview | null;
  /** The live proposal; ignored once the meeting froze the agenda. */
  proposed: ProposedItem[];
  changedSinceMeeting: ChangedIncident[];
};

const iso = (date: Date | null) => date?.toISOString() ?? null;

function proposedView(item: ProposedItem, index: number): AgendaItemView {
  return {
    id: null,
    key: item.key,
    handle: item.key,
    kind: item.kind,
    title: item.title,
    order: index + 1,
    minutes: item.minutes,
    presenter: null,
    notes: "",
    decision: "",
    version: 1,
    startedAt: null,
    finishedAt: null,
    detail: item.detail,
    ...subjectsOf(item.detail),
  };
}

function storedView(row: StoredAgendaItem, index: number, live: ProposedItem | undefined, detail: AgendaItemDetail | null, frozen: boolean): AgendaItemView {
  return {
    id: row.id,
    key: row.proposalKey,
    handle: row.id,
    kind: row.kind,
    title: !frozen && live ? live.title : row.title,
    order: index + 1,
    minutes: row.minutes,
    presenter: row.presenter,
    notes: row.notes,
    decision: row.decision,
    version: row.version,
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
    detail,
    ...subjectsOf(detail),
  };
}

/**
 * The review page's model: the app's proposal until a LEAD edits it; then the stored agenda
 * with live facts (and the proposal's items it lacks as suggestions); once the meeting has
 * started, the stored agenda with the facts frozen in the snapshot.
 */
export function assembleReviewView(input: ViewInput): ReviewView {
  const { review } = input;
  const base = {
    week: input.week,
    meetingDate: input.meetingDate,
    judgedOn: input.judgedOn,
    weekEnded: input.weekEnded,
    meetingLengthMinutes: input.meetingLengthMinutes,
  };
  if (!review) {
    const items = input.proposed.map(proposedView);
    return { ...base, status: "NOT_PREPARED", review: null, frozen: false, items, totalMinutes: sumMinutes(items), suggestions: [], changedSinceMeeting: [] };
  }
  const frozen = review.snapshot !== null;
  const proposedByKey = new Map(input.proposed.map((p) => [p.key, p]));
  const rows = [...review.items].sort((a, b) => a.position - b.position);
  const items = rows.map((row, index) => {
    const live = row.proposalKey ? proposedByKey.get(row.proposalKey) : undefined;
    const detail = frozen ? (review.snapshot?.details[row.id] ?? null) : row.kind === "CUSTOM" ? { kind: "CUSTOM" as const } : (live?.detail ?? null);
    return storedView(row, index, live, detail, frozen);
  });
  const storedKeys = new Set(rows.map((r) => r.proposalKey));
  return {
    ...base,
    status: review.status,
    review: {
      id: review.id,
      version: review.version,
      preparedAt: iso(review.preparedAt),
      startedAt: iso(review.startedAt),
      finishedAt: iso(review.finishedAt),
      wheelSpunAt: iso(review.wheelSpunAt),
      currentItemId: review.currentItemId,
    },
    frozen,
    items,
    totalMinutes: sumMinutes(items),
    suggestions: frozen ? [] : input.proposed.filter((p) => !storedKeys.has(p.key)),
    changedSinceMeeting: frozen ? input.changedSinceMeeting : [],
  };
}

const sumMinutes = (items: { minutes: number }[]) => items.reduce((sum, item) => sum + item.minutes, 0);
