"use client";

import { useEffect, useState } from "react";
import { formatClock } from "../review-format";

/** Amber from this share of the time box on (or its last minute, whichever comes first). */
const NEAR_END_SHARE = 0.8;

export function timerTone(elapsedSeconds: number, boxMinutes: number): "on-time" | "near-end" | "over" {
  const box = boxMinutes * 60;
  if (elapsedSeconds > box) return "over";
  return elapsedSeconds >= Math.min(box * NEAR_END_SHARE, box - 60) ? "near-end" : "on-time";
}

const TONE = {
  "on-time": { text: "text-emerald-700", bar: "bg-emerald-500", label: "on time" },
  "near-end": { text: "text-amber-600", bar: "bg-amber-500", label: "nearly out of time" },
  over: { text: "text-red-700", bar: "bg-red-600", label: "over time" },
};

/** The running clock of the item under discussion against its time box. */
export function ItemTimer({ startedAt, minutes, serverNow }: { startedAt: string; minutes: number; serverNow: string }) {
  // Starts from the server's clock so the first paint matches; the browser's clock takes over.
  const [now, setNow] = useState(() => Date.parse(serverNow));
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = window.setTimeout(tick, 0);
    const timer = window.setInterval(tick, 1000);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, []);
  const elapsed = Math.max(0, (now - Date.parse(startedAt)) / 1000);
  const tone = TONE[timerTone(elapsed, minutes)];
  const share = Math.min(1, elapsed / (minutes * 60));
  return (
    <div role="timer" aria-label={`Time on this item, ${tone.label}`} className="min-w-40">
      <p className={`text-4xl font-bold tabular-nums ${tone.text}`}>
        {formatClock(elapsed)}
        <span className="text-lg font-semibold text-slate-500"> / {formatClock(minutes * 60)}</span>
      </p>
      <div className="mt-1 h-2 overflow-hidden rounded-full bg-slate-200" aria-hidden>
        <div className={`h-full ${tone.bar} transition-[width] duration-1000 ease-linear`} style={{ width: `${share * 100}%` }} />
      </div>
    </div>
  );
}
