"use client";

import { useState } from "react";
import { MarkdownEditor } from "@/components/markdown-editor";
import { Field, inputClass } from "@/components/ui/field";
import { useBrowserTimeZone } from "@/components/ui/use-browser-time-zone";
import { instantToWallTime } from "@/lib/time/zoned";
import { addTimelineEventAction } from "../actions/add-timeline-event";
import { editTimelineEventAction } from "../actions/edit-timeline-event";
import { KIND_LABELS, TIMELINE_EVENT_KINDS } from "@/lib/domain/postmortem-enums";
import type { PostmortemView } from "../reads";
import { PostmortemRefFields, usePostmortemAction, useUnsavedFields } from "./editor-context";
import { ItemFormButtons } from "./item-controls";

type TimelineEvent = PostmortemView["timeline"][number];

/**
 * Adds an event, or edits one. Times are typed as the writer's clocks show them; the hidden
 * time zone lets the server store the instant.
 */
export function TimelineEventForm({ event, onDone }: { event?: TimelineEvent; onDone?: () => void }) {
  const timeZone = useBrowserTimeZone();
  // A new generation after each success empties the add form (the text editor keeps its own state).
  const [generation, setGeneration] = useState(0);
  const savedAt = event ? instantToWallTime(new Date(event.occurredAt), timeZone) : "";
  const { onInput, reset } = useUnsavedFields(
    event ? `event-${event.id}` : "new-event",
    event ? "a timeline event you are editing" : "the new timeline event",
    {
      occurredAt: savedAt,
      kind: event?.kind ?? "OTHER",
      text: event?.text ?? "",
    },
  );
  const [state, formAction, pending] = usePostmortemAction(event ? editTimelineEventAction : addTimelineEventAction, () => {
    reset();
    setGeneration((n) => n + 1);
    onDone?.();
  });
  const prefix = event ? `event-${event.id}` : "new-event";
  const typed = state.error ? state.values : undefined;
  const value = (name: "occurredAt" | "kind" | "text", initial: string) => typed?.[name] ?? initial;
  const errors = state.fieldErrors ?? {};
  return (
    <form
      key={`${generation}-${JSON.stringify(typed ?? {})}`}
      action={formAction}
      aria-label={event ? "Edit timeline event" : "Add a timeline event"}
      onInput={onInput}
      className="space-y-3"
    >
      <PostmortemRefFields />
      <input type="hidden" name="timeZone" value={timeZone} />
      {event && <input type="hidden" name="eventId" value={event.id} />}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name={`${prefix}.occurredAt`} label="Time" hint={`Your time zone (${timeZone}).`} errors={errors.occurredAt}>
          {(aria) => <input {...aria} type="datetime-local" name="occurredAt" defaultValue={value("occurredAt", savedAt)} className={inputClass} />}
        </Field>
        <Field name={`${prefix}.kind`} label="Kind" errors={errors.kind}>
          {(aria) => (
            <select {...aria} name="kind" defaultValue={value("kind", event?.kind ?? "OTHER")} className={inputClass}>
              {TIMELINE_EVENT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {KIND_LABELS[kind]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <MarkdownEditor id={`${prefix}.text`} name="text" label="What happened" rows={2} defaultValue={value("text", event?.text ?? "")} errors={errors.text} />
      <ItemFormButtons pending={pending} label={event ? "Save event" : "Add event"} onCancel={event ? onDone : undefined} state={state} />
    </form>
  );
}
