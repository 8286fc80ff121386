"use client";

import Link from "next/link";
import { useRef, useState, useTransition, type CSSProperties } from "react";
import { spinWheelAction } from "../actions/spin-wheel";
import type { WheelService } from "../agenda-types";
import { colourSlot, labelAngle, landingRotation, segmentPath } from "../wheel-geometry";

const SIZE = 400;
const CENTRE = SIZE / 2;
const RADIUS = 188;
const SPIN_MS = 4200;
const TURNS = 6;

const PALETTE: CSSProperties = Object.fromEntries(
  ["#4f46e5", "#0891b2", "#c026d3", "#059669", "#dc2626", "#d97706", "#2563eb", "#7c3aed", "#0d9488", "#db2777"].map((c, i) => [`--wheel-${i}`, c]),
);

const shorten = (name: string, max: number) => (name.length > max ? `${name.slice(0, max - 1)}…` : name);

type Phase = "resting" | "spinning" | "landed";

type Props = {
  candidates: WheelService[];
  picked: WheelService;
  /** Shows the wheel at rest on the pick (the meeting is over, or a LEAD spun it in the meeting). */
  startLanded: boolean;
  /** When a LEAD last spun it in the meeting: a following screen lands when this changes. */
  spunAt: string | null;
  /** The week to spin for; null for whoever may not spin it (a viewer, a finished review). */
  spinFor: string | null;
};

/**
 * The wheel of the week: the server has already picked the service (reproducibly per week);
 * spinning only shows it, landing exactly on the pick. A LEAD's spin in the meeting is recorded
 * so that every screen following along shows where it landed.
 */
export function Wheel({ candidates, picked, startLanded, spunAt, spinFor }: Props) {
  const services = candidates.some((c) => c.slug === picked.slug) ? candidates : [...candidates, picked];
  const count = services.length;
  const pickIndex = services.findIndex((s) => s.slug === picked.slug);
  const [rotation, setRotation] = useState(() => (startLanded ? landingRotation(pickIndex, count, 0) : 0));
  const [phase, setPhase] = useState<Phase>(startLanded ? "landed" : "resting");
  const landTimer = useRef<number | undefined>(undefined);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [asking, startAsking] = useTransition();
  const [seenSpin, setSeenSpin] = useState(spunAt);
  if (spunAt !== seenSpin) {
    // A spin recorded since this screen loaded (another LEAD's, seen on refresh): land on the pick.
    setSeenSpin(spunAt);
    if (phase === "resting") {
      setRotation(landingRotation(pickIndex, count, 0));
      setPhase("landed");
    }
  }
  const fontSize = count <= 8 ? 17 : count <= 16 ? 14 : count <= 24 ? 12 : 10;
  const maxChars = count <= 8 ? 16 : 20;

  function spin(week: string) {
    startAsking(async () => {
      const form = new FormData();
      form.set("week", week);
      const answer = await spinWheelAction(undefined, form);
      setRefusal(answer.error ?? null);
      if (!answer.error) turn();
    });
  }

  function turn() {
    const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    setRotation(landingRotation(pickIndex, count, reduced ? 0 : TURNS, rotation));
    if (reduced) return setPhase("landed");
    setPhase("spinning");
    window.clearTimeout(landTimer.current);
    // transitionend is the signal; the timer covers a tab that skipped the animation.
    landTimer.current = window.setTimeout(() => setPhase("landed"), SPIN_MS + 150);
  }

  return (
    <div className="flex flex-col items-center gap-6 md:flex-row md:items-center md:gap-10" style={PALETTE}>
      <div className="relative w-full max-w-[26rem] shrink-0 print:hidden">
        <svg viewBox={`0 0 ${SIZE} ${SIZE + 10}`} role="img" aria-label={`A wheel of ${count} services`} className="w-full drop-shadow-md">
          <g
            style={{
              transform: `rotate(${rotation}deg)`,
              transformOrigin: `${CENTRE}px ${CENTRE + 10}px`,
              transition: phase === "spinning" ? `transform ${SPIN_MS}ms cubic-bezier(0.12, 0.8, 0.18, 1)` : "none",
            }}
            onTransitionEnd={() => phase === "spinning" && setPhase("landed")}
          >
            {services.map((service, index) => {
              const angle = labelAngle(index, count);
              const dimmed = phase === "landed" && index !== pickIndex;
              // Labels that end up on the left half are turned over so that none reads upside down where the wheel rests.
              const leftHalf = (((angle + rotation) % 360) + 360) % 360 > 180;
              return (
                <g key={service.slug} opacity={dimmed ? 0.35 : 1} style={{ transition: "opacity 300ms" }}>
                  <path
                    d={segmentPath(index, count, RADIUS, CENTRE)}
                    transform="translate(0 10)"
                    fill={`var(--wheel-${colourSlot(index, count)})`}
                    stroke="white"
                    strokeWidth={2}
                  />
                  <text
                    x={leftHalf ? CENTRE - RADIUS + 14 : CENTRE + RADIUS - 14}
                    y={CENTRE + 10}
                    transform={`rotate(${leftHalf ? angle + 90 : angle - 90} ${CENTRE} ${CENTRE + 10})`}
                    textAnchor={leftHalf ? "start" : "end"}
                    dominantBaseline="middle"
                    fontSize={fontSize}
                    fontWeight={600}
                    fill="white"
                  >
                    {shorten(service.name, maxChars)}
                  </text>
                </g>
              );
            })}
            <circle cx={CENTRE} cy={CENTRE + 10} r={22} fill="white" stroke="#cbd5e1" strokeWidth={3} />
          </g>
          <path d={`M ${CENTRE - 16} 0 L ${CENTRE + 16} 0 L ${CENTRE} 34 Z`} fill="#0f172a" stroke="white" strokeWidth={2} aria-hidden />
        </svg>
      </div>
      <div className="space-y-4 text-center md:text-left">
        {spinFor !== null ? (
          <button
            type="button"
            onClick={() => spin(spinFor)}
            disabled={phase === "spinning" || asking}
            className="rounded-full bg-indigo-600 px-6 py-3 text-lg font-bold text-white shadow-md hover:bg-indigo-500 disabled:opacity-60 print:hidden"
          >
            {phase === "spinning" || asking ? "Spinning…" : phase === "landed" ? "Spin again" : "Spin the wheel"}
          </button>
        ) : (
          phase === "resting" && <p className="text-lg text-slate-700 print:hidden">The wheel is spun in the meeting; this page shows where it lands.</p>
        )}
        {refusal && (
          <p role="alert" className="text-sm font-medium text-red-700 print:hidden">
            {refusal}
          </p>
        )}
        <div aria-live="polite" className="min-h-20 print:hidden">
          {phase === "landed" && (
            <p className="motion-safe:animate-[wheel-reveal_400ms_ease-out] text-2xl text-slate-900 print:hidden">
              This week: <strong className="font-bold">{picked.name}</strong> <span className="text-slate-600">({picked.team})</span>
              <br />
              <Link href={`/services/${picked.slug}`} className="text-lg font-semibold text-indigo-700 hover:underline">
                See the service’s figures →
              </Link>
            </p>
          )}
        </div>
        <p className="hidden text-xl print:block">
          This week: <strong>{picked.name}</strong> ({picked.team})
        </p>
      </div>
    </div>
  );
}
