// AI involvement read from commit messages (docs/domain.md, "Change"): a
// `Generated-by:` trailer means GENERATED; `Assisted-by:`, or a `Co-authored-by:` whose name
// or address names a known AI tool, means ASSISTED. Pure, so the pipeline's gate, the
// recorded change and a change of the tool list all judge a message alike.
import type { AiInvolvement } from "@/lib/domain/approval-policy";

/** The organisation's list until an ADMIN changes it (the settings column has the same default). */
export const DEFAULT_AI_TOOLS: readonly string[] = Object.freeze([
  "Claude",
  "Copilot",
  "Cursor",
  "Codex",
  "Gemini",
  "Amazon Q",
  "Kiro",
  "Devin",
  "Aider",
  "Windsurf",
  "Cody",
  "Tabnine",
  "Jules",
]);

export type Commit = { sha?: string | null; message: string };

/** What the trailers say that no tool list can change, and the co-authors a tool list is matched against. */
export type TrailerFacts = { trailerInvolvement: AiInvolvement; coAuthors: string[] };

export type DetectedInvolvement = { involvement: AiInvolvement; tool: string | null };

/** Weakest to strongest, as docs/domain.md lists them; the policy and the metrics judge the stronger of two. */
const STRENGTH: readonly AiInvolvement[] = ["NONE", "ASSISTED", "GENERATED", "AGENT"];

export const strongerInvolvement = (a: AiInvolvement, b: AiInvolvement): AiInvolvement => (STRENGTH.indexOf(a) >= STRENGTH.indexOf(b) ? a : b);

// "Key: value" at the start of a line of the body; squash merges put trailers of several
// commits mid-message, so every line of the body counts, not only the last paragraph.
const TRAILER = /^(generated-by|assisted-by|co-authored-by)[ \t]*:[ \t]*(.*?)[ \t]*$/i;

/** The trailers of one message as [key in lower case, value], in order; the subject line never is one. */
export function trailersOf(message: string): [string, string][] {
  const lines = message.split(/\r\n|\r|\n/).slice(1);
  const found: [string, string][] = [];
  for (const line of lines) {
    const match = TRAILER.exec(line);
    if (match && match[2]) found.push([match[1]!.toLowerCase(), match[2]]);
  }
  return found;
}

export function trailerFactsOf(commits: readonly Commit[]): TrailerFacts {
  let trailerInvolvement: AiInvolvement = "NONE";
  const coAuthors: string[] = [];
  for (const commit of commits) {
    for (const [key, value] of trailersOf(commit.message)) {
      if (key === "generated-by") trailerInvolvement = strongerInvolvement(trailerInvolvement, "GENERATED");
      else if (key === "assisted-by") trailerInvolvement = strongerInvolvement(trailerInvolvement, "ASSISTED");
      else if (!coAuthors.includes(value)) coAuthors.push(value);
    }
  }
  return { trailerInvolvement, coAuthors };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A tool's name as a whole word in any case, its words joined by spaces, dots, dashes or
 * underscores: "Amazon Q" finds "amazon-q-developer[bot]", "Claude" finds "Claude
 * <noreply@anthropic.com>", but "Claudette" finds nothing.
 */
function toolPattern(tool: string): RegExp {
  const words = tool.trim().split(/\s+/).map(escapeRegExp).join("[\\s._-]+");
  return new RegExp(`(^|[^\\p{L}\\p{N}])${words}(?=$|[^\\p{L}\\p{N}])`, "iu");
}

/** The first tool of the list that a co-author names, or null. */
export function aiToolNamedBy(coAuthor: string, tools: readonly string[]): string | null {
  return tools.find((tool) => tool.trim() !== "" && toolPattern(tool).test(coAuthor)) ?? null;
}

/** The involvement the trailers show under a tool list, and the tool a co-author named (if any). */
export function detectedInvolvement(facts: TrailerFacts, tools: readonly string[]): DetectedInvolvement {
  let tool: string | null = null;
  for (const coAuthor of facts.coAuthors) {
    tool = aiToolNamedBy(coAuthor, tools);
    if (tool) break;
  }
  const involvement = strongerInvolvement(facts.trailerInvolvement, tool ? "ASSISTED" : "NONE");
  return { involvement, tool };
}

export const detectAiInvolvement = (commits: readonly Commit[], tools: readonly string[]) => detectedInvolvement(trailerFactsOf(commits), tools);
