// Stories written as text: a story is a paragraph that opens with its root-cause category,
// then one line per part, `part: text`, in the order of the write-up. An action item's line
// opens with its type (PREVENT, DETECT, MITIGATE, PROCESS).
import { ActionItemType, RootCauseCategory } from "../../lib/generated/prisma/enums";
import type { Story } from "./stories";

const isCategory = (word: string): word is RootCauseCategory => word in RootCauseCategory;
const isActionType = (word: string): word is ActionItemType => word in ActionItemType;

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
  return {
    category,
    titles: all("title"),
    rootCause: one("cause"),
    whys: all("why"),
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
