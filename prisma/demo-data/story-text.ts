// Stories written as text: a story is a paragraph that opens with its root-cause category,
// then one line per part, `part: text`, in the order of the write-up. An action item's line
// opens with its type (PREVENT, DETECT, MITIGATE, PROCESS). A story of a change an AI tool can be
// part of adds an `ai why` line and one line per involvement (ASSISTED, GENERATED, AGENT).
import { ActionItemType, RootCauseCategory } from "../../lib/generated/prisma/enums";
import type { AiKind, Story } from "./stories";

const isCategory = (word: string): word is RootCauseCategory => word in RootCauseCategory;
const isActionType = (word: string): word is ActionItemType => word in ActionItemType;
const AI_KINDS: readonly AiKind[] = ["ASSISTED", "GENERATED", "AGENT"];

function storyOf(paragraph: string): Story {
  const [category, ...lines] = paragraph.trim().split("\n");
  if (!category || !isCategory(category)) throw new Error(`A story opens with its root-cause category, not "${category}"`);
  const parts = new Map<string, string[]>();
  const actions: [ActionItemType, string][] = [];
  for (const line of lines) {
    const colon = line.indexOf(": ");
    if (colon < 0) throw new Error(`A line of a ${category} story has no "part: ": "${line}"`);
    const [part, text] = [line.slice(0, colon), line.slice(colon + 2)];
    if (isActionType(part)) actions.push([part, text]);
    else parts.set(part, [...(parts.get(part) ?? []), text]);
  }
  const all = (part: string): string[] => {
    const texts = parts.get(part);
    if (!texts) throw new Error(`A ${category} story has no "${part}" line`);
    return texts;
  };
  const one = (part: string): string => all(part).join("\n");
  const ai = parts.has("ai why") ? { aiWhy: one("ai why"), ai: Object.fromEntries(AI_KINDS.map((kind) => [kind, one(kind)])) as Record<AiKind, string> } : {};
  return {
    category,
    titles: all("title"),
    rootCause: one("cause"),
    whys: all("why"),
    ...ai,
    contributing: all("factor"),
    lessons: all("lesson"),
    mitigation: one("mitigation"),
    actions,
    whatWentWell: one("went well"),
    whereWeGotLucky: one("lucky"),
  };
}

/** The stories of `text`, paragraphs separated by a blank line. */
export const storiesOf = (text: string): Story[] =>
  text
    .trim()
    .split(/\n\s*\n/)
    .map(storyOf);
