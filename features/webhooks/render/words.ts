// Values as people read them in a message: the agenda's kinds of item (the review page's words), dates and instants.

export { KIND_LABEL as AGENDA_KIND_WORDS } from "@/features/reviews/kind-labels";

const partsOf = (format: Intl.DateTimeFormat, date: Date) => Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]));
const dayFormat = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const timeFormat = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });

const dayOf = (date: Date) => {
  const p = partsOf(dayFormat, date);
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
};

/** "2026-03-25" → "Wed 25 Mar 2026". */
export const dayText = (date: string) => dayOf(new Date(`${date}T00:00:00Z`));

/** An ISO instant → "Wed 4 Mar 2026, 08:00 UTC"; "—" for none. */
export const instantText = (iso: string | null) => (iso ? `${dayOf(new Date(iso))}, ${timeFormat.format(new Date(iso))} UTC` : "—");
