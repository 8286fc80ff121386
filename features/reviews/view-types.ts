import type { AgendaItemDetail, AgendaItemKind, ProposedItem, ReviewStatus } from "./types";

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
    id: string; version: number; preparedAt: string | null; startedAt: string | null; finishedAt: string | null;
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
