// Slack Block Kit pieces within Slack's limits, and user text made safe for them: escaped for
// mrkdwn so no text anyone typed becomes a mention, a link or a broadcast, and cut with "…" at
// a character boundary (never between the halves of a surrogate pair or inside an escape).

export type PlainText = { type: "plain_text"; text: string; emoji?: boolean };
export type Mrkdwn = { type: "mrkdwn"; text: string };
export type Block =
  | { type: "header"; text: PlainText }
  | { type: "section"; text?: Mrkdwn; fields?: Mrkdwn[] }
  | { type: "context"; elements: Mrkdwn[] }
  | { type: "divider" }
  | { type: "actions"; elements: { type: "button"; text: PlainText; url: string }[] };

export const LIMITS = {
  blocks: 50,
  header: 150,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  contextElements: 10,
  buttonText: 75,
  url: 3000,
  fallback: 4000,
} as const;

// A broadcast word keeps its letters but loses the power to notify: a word joiner after the "@".
const breakBroadcasts = (text: string) => text.replace(/@(here|channel|everyone)/gi, "@\u2060$1");

/** Text anyone typed, for a mrkdwn field: `&`, `<` and `>` escaped, broadcasts defused. */
export const escapeMrkdwn = (text: string) => breakBroadcasts(text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));

/** Whole characters (code points), and escapes kept whole, so a cut never splits either. */
const units = (text: string) => text.match(/&(?:amp|lt|gt);|[\s\S]/gu) ?? [];

/** At most `max` UTF-16 code units: whole characters, "…" at the end when anything was cut. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = "";
  // Only the first `max` code units can be kept; an escape may straddle that point by a few.
  for (const unit of units(text.slice(0, max + 6))) {
    if (out.length + unit.length + 1 > max) break;
    out += unit;
  }
  return `${out}…`;
}

/** Text anyone typed, on one line, escaped and cut to `max`. */
export const userLine = (text: string, max = 200) => cut(escapeMrkdwn(text.replace(/\s+/g, " ").trim()), max);

/** Text anyone typed over several lines (a decision), escaped and cut to `max`. */
export const userBlock = (text: string, max = 1000) => cut(escapeMrkdwn(text.trim()), max);

/** A link to one of the app's pages; the label is already mrkdwn-safe. */
export const link = (url: string, label: string) => `<${url}|${label}>`;

export const header = (text: string): Block => ({
  type: "header",
  text: { type: "plain_text", text: cut(breakBroadcasts(text.replace(/\s+/g, " ").trim()), LIMITS.header), emoji: true },
});

export const section = (text: string): Block => ({ type: "section", text: { type: "mrkdwn", text: cut(text, LIMITS.sectionText) } });

/** Label/value pairs (values already mrkdwn-safe) in one section, at most ten. */
export const fields = (pairs: [string, string][]): Block => ({
  type: "section",
  fields: pairs.slice(0, LIMITS.fields).map(([name, value]) => ({ type: "mrkdwn", text: cut(`*${name}*\n${value}`, LIMITS.fieldText) })),
});

export const context = (...texts: string[]): Block => ({
  type: "context",
  elements: texts.slice(0, LIMITS.contextElements).map((text) => ({ type: "mrkdwn", text: cut(text, LIMITS.fieldText) })),
});

export const button = (label: string, url: string): Block => ({
  type: "actions",
  elements: [{ type: "button", text: { type: "plain_text", text: cut(label, LIMITS.buttonText) }, url: url.slice(0, LIMITS.url) }],
});

/**
 * Lines (each already mrkdwn-safe) joined into section texts: whole lines only, as many as fit
 * in `maxSections` sections, then "…and N more" naming what was left out.
 */
export function listSections(
  lines: string[],
  maxSections = 1,
  more = (n: number) => `_…and ${n.toLocaleString("en-US")} more_`,
  /** Rows the lines already leave out, counted in the "…and N more". */
  leftOut = 0,
): Block[] {
  const texts: string[] = [];
  let current = "";
  let used = 0;
  const budget = LIMITS.sectionText - 40;
  for (const line of lines) {
    const next = current ? `${current}\n${line}` : line;
    if (next.length <= budget) {
      current = next;
      used += 1;
      continue;
    }
    if (current && texts.length + 1 >= maxSections) break;
    if (current) texts.push(current);
    current = cut(line, budget);
    used += 1;
  }
  if (used < lines.length || leftOut > 0) current = current ? `${current}\n${more(lines.length - used + leftOut)}` : more(lines.length - used + leftOut);
  if (current) texts.push(current);
  return texts.map(section);
}
