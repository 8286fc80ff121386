"use client";

import { Markdown } from "@/components/markdown";
import { LocalTime } from "@/components/ui/local-time";
import { deleteTimelineEventAction } from "../actions/delete-timeline-event";
import { moveTimelineEventAction } from "../actions/move-timeline-event";
import { KIND_LABELS } from "@/lib/domain/postmortem-enums";
import type { PostmortemView } from "../reads";
import { EditableEntry, EntryList } from "./item-controls";
import { TimelineEventForm } from "./timeline-event-form";

type TimelineEvent = PostmortemView["timeline"][number];

const EVENT_ENTRY = { field: "eventId", move: moveTimelineEventAction, remove: deleteTimelineEventAction, removeLabel: "Delete" };

const HINT = "No events yet. Add what happened, from the triggering change to recovery.";

/** The timeline in its written order, each event editable, movable and deletable in place. */
export function TimelineEditor({ events }: { events: TimelineEvent[] }) {
  return (
    <EntryList
      label="Timeline events"
      empty={HINT}
      listClassName="space-y-2"
      entries={events}
      entry={(event, position) => <TimelineItem key={event.id} event={event} {...position} />}
    >
      <div className="rounded-md border border-dashed border-slate-300 p-3">
        <h3 className="mb-2 text-sm font-semibold text-slate-700">Add a timeline event</h3>
        <TimelineEventForm />
      </div>
    </EntryList>
  );
}

function TimelineItem({ event, first, last }: { event: TimelineEvent; first: boolean; last: boolean }) {
  const heading = (
    <div className="flex flex-wrap items-baseline gap-2 text-sm">
      <span className="font-medium tabular-nums">
        <LocalTime iso={event.occurredAt} />
      </span>
      <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-semibold text-slate-700">{KIND_LABELS[event.kind]}</span>
    </div>
  );
  const form = (onDone: () => void) => (
    <div className="mt-2">
      <TimelineEventForm event={event} onDone={onDone} />
    </div>
  );
  return (
    <EditableEntry
      {...EVENT_ENTRY}
      id={event.id}
      first={first}
      last={last}
      heading={heading}
      body={<Markdown text={event.text} className="mt-1" />}
      form={form}
    />
  );
}
