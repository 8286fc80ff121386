"use client";

import { useEffect, useRef, useState, useTransition, type DragEvent, type ReactNode } from "react";
import { reorderAgendaAction } from "../actions/reorder-agenda";
import { FormMessage } from "@/components/ui/form-message";
import { moveHandle, moveHandleTo } from "../agenda-order";
import { useReviewVersion } from "./review-version";

/** `key` is the proposal key an item was named by before the agenda was first stored. */
export type AgendaEntry = { handle: string; key: string | null; title: string; card: ReactNode };

type Focus = { handle: string; direction: "up" | "down" };

const moveButton = "rounded border border-slate-300 bg-white px-2 py-1 text-sm font-semibold text-slate-700 hover:bg-slate-100 disabled:opacity-30";

/**
 * The agenda as a LEAD prepares it: drag an item by its handle, or move it with the buttons
 * (the keyboard way; focus stays on the moved item). The new order shows at once and is saved
 * one move after another, each based on the review version the previous one left.
 */
export function ReorderableAgenda({ week, entries }: { week: string; entries: AgendaEntry[] }) {
  const { version, report } = useReviewVersion();
  const serverOrder = entries.map((e) => e.handle);
  const [localOrder, setLocalOrder] = useState<string[] | null>(null);
  const [dragged, setDragged] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();
  const versionRef = useRef(version);
  const saving = useRef<Promise<void>>(Promise.resolve());
  const focusAfter = useRef<Focus | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  useEffect(() => {
    versionRef.current = Math.max(versionRef.current, version);
  }, [version]);
  const byHandle = new Map(entries.map((e) => [e.handle, e]));
  // Once the page shows the order we saved (or the first save stored the agenda, renaming every item), the page is the truth again.
  const localStillApplies = localOrder !== null && localOrder.length === serverOrder.length && localOrder.every((h) => byHandle.has(h));
  if (localOrder && (!localStillApplies || localOrder.join() === serverOrder.join())) setLocalOrder(null);
  const order = localStillApplies && localOrder ? localOrder : serverOrder;

  useEffect(() => {
    const wanted = focusAfter.current;
    const entry = wanted && entries.find((e) => e.handle === wanted.handle || e.key === wanted.handle);
    if (!wanted || !entry) return;
    const button = buttons.current.get(`${entry.handle}:${wanted.direction}`);
    const other = buttons.current.get(`${entry.handle}:${wanted.direction === "up" ? "down" : "up"}`);
    (button && !button.disabled ? button : other)?.focus();
    // Held until the saved order is on the page, since storing the agenda remounts every item.
    if (localOrder === null) focusAfter.current = null;
  });

  function save(next: string[]) {
    setLocalOrder(next);
    setFailure(null);
    setSaved(false);
    saving.current = saving.current.then(async () => {
      const form = new FormData();
      form.set("week", week);
      form.set("version", String(versionRef.current));
      for (const handle of next) form.append("handles", handle);
      const result = await reorderAgendaAction(undefined, form);
      if (result.version !== undefined) {
        versionRef.current = result.version;
        report(result.version);
        setSaved(true);
      }
      if (result.error) {
        setFailure(result.error);
        setLocalOrder(null);
      }
    });
    startTransition(() => saving.current);
  }

  function move(handle: string, direction: "up" | "down") {
    focusAfter.current = { handle, direction };
    const next = moveHandle(order, handle, direction === "up" ? -1 : 1);
    if (next !== order) save(next);
  }

  function drop(event: DragEvent, target: string) {
    event.preventDefault();
    const source = dragged ?? event.dataTransfer.getData("text/plain");
    setDragged(null);
    setDropTarget(null);
    if (!source || source === target) return;
    focusAfter.current = null;
    save(moveHandleTo(order, source, target));
  }

  return (
    <div className="space-y-2">
      <p role="status" className="h-5 text-right text-sm text-slate-500 print:hidden">
        {pending ? "Saving the order…" : saved ? "Order saved." : ""}
      </p>
      <FormMessage state={failure ? { error: failure } : undefined} />
      <ol aria-label="Agenda" className="space-y-4">
        {order.map((handle, index) => {
          const entry = byHandle.get(handle);
          if (!entry) return null;
          const isTarget = dropTarget === handle && dragged !== handle;
          return (
            <li
              key={handle}
              id={`agenda-${handle}`}
              onDragOver={(event) => {
                if (!dragged) return;
                event.preventDefault();
                event.dataTransfer.dropEffect = "move";
                setDropTarget(handle);
              }}
              onDragLeave={() => setDropTarget((t) => (t === handle ? null : t))}
              onDrop={(event) => drop(event, handle)}
              className={`relative flex gap-2 rounded-lg transition-opacity ${dragged === handle ? "opacity-40" : ""} ${isTarget ? "outline-3 outline-offset-4 outline-indigo-400 outline-dashed" : ""}`}
            >
              <div className="flex w-10 shrink-0 flex-col items-center gap-1 pt-4 print:hidden">
                <span
                  draggable
                  role="img"
                  aria-label={`Drag handle of “${entry.title}”`}
                  title="Drag to reorder"
                  onDragStart={(event) => {
                    event.dataTransfer.effectAllowed = "move";
                    event.dataTransfer.setData("text/plain", handle);
                    const card = document.getElementById(`agenda-${handle}`);
                    if (card) event.dataTransfer.setDragImage(card, 24, 24);
                    setDragged(handle);
                  }}
                  onDragEnd={() => {
                    setDragged(null);
                    setDropTarget(null);
                  }}
                  className="cursor-grab rounded px-1.5 py-1 text-lg leading-none text-slate-400 select-none hover:bg-slate-200 hover:text-slate-700 active:cursor-grabbing"
                >
                  ⠿
                </span>
                {(["up", "down"] as const).map((direction) => (
                  <button
                    key={direction}
                    type="button"
                    ref={(el) => {
                      if (el) buttons.current.set(`${handle}:${direction}`, el);
                      else buttons.current.delete(`${handle}:${direction}`);
                    }}
                    disabled={direction === "up" ? index === 0 : index === order.length - 1}
                    onClick={() => move(handle, direction)}
                    aria-label={`Move “${entry.title}” ${direction}`}
                    className={moveButton}
                  >
                    <span aria-hidden>{direction === "up" ? "↑" : "↓"}</span>
                  </button>
                ))}
              </div>
              <div className="min-w-0 flex-1">{entry.card}</div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
