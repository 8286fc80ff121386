// The commits of a demo change, with the trailers real tools write: most AI-assisted commits
// name their tool, some do not, and now and then one names a tool its author never declared.
import type { Commit } from "@/lib/domain/ai-trailers";
import type { AiInvolvement } from "../../lib/generated/prisma/enums";
import { DEMO_SIGN_IN_ACCOUNTS, USERS } from "./catalog";
import type { ChangeCause } from "./change-choices";
import type { Random } from "./random";

/** The tools authors declare on changes, as often as each is used. */
export const CHANGE_AI_TOOLS: readonly (readonly [string, number])[] = [
  ["GitHub Copilot", 30],
  ["Claude Code", 22],
  ["Cursor", 18],
  ["Amazon Q Developer", 12],
  ["Kiro", 10],
  ["Gemini Code Assist", 4],
  ["Aider", 4],
];
/** Tools that can make a change themselves (AGENT involvement). */
export const CHANGE_AGENT_TOOLS = ["Kiro", "Claude Code", "Cursor", "Amazon Q Developer"] as const;

/** The co-author line each tool adds to the commits it helped with; the others say `Assisted-by:`. */
const CO_AUTHOR_OF: Record<string, string> = {
  "GitHub Copilot": "Copilot <175728472+Copilot@users.noreply.github.com>",
  "Claude Code": "Claude <noreply@anthropic.com>",
  Cursor: "Cursor Agent <cursoragent@cursor.com>",
  "Amazon Q Developer": "Amazon Q Developer <amazon-q-developer[bot]@users.noreply.github.com>",
  Aider: "aider (gpt-4.1) <noreply@aider.chat>",
};
/** People who pair on changes: the catalogue's engineers and leads, not the sign-in accounts. */
const HUMANS = USERS.filter((u) => !DEMO_SIGN_IN_ACCOUNTS.some((a) => a.email === u.email)).map((u) => `${u.name} <${u.email}>`);

const SUBJECTS: Record<ChangeCause, readonly string[]> = {
  CODE_CHANGE: [
    "fix({slug}): handle a missing {field} in the request",
    "feat({slug}): add {feature}",
    "refactor({slug}): simplify the {area}",
    "perf({slug}): speed up the {area}",
    "fix({slug}): retry the {area} on timeout",
    "chore({slug}): bump {dependency} to {version}",
    "test({slug}): cover {area} edge cases",
  ],
  CONFIG_CHANGE: [
    "config({slug}): raise the connection pool to {number}",
    "config({slug}): enable {flag} for {percent} % of traffic",
    "config({slug}): lower the request timeout to {number} ms",
    "config({slug}): route {region} traffic to the new pool",
  ],
  INFRA_CHANGE: [
    "infra({slug}): upgrade the node pool to Kubernetes 1.{minor}",
    "infra({slug}): rotate TLS certificates",
    "infra({slug}): move to {instance} instances",
    "infra({slug}): replace the load balancer listener",
    "infra({slug}): resize the database volume",
  ],
};
/** What the later commits of a pull request say: review fixes on the first commit's work. */
const FOLLOW_UPS = ["address review comments", "add tests", "fix the failing test", "update fixtures", "tidy up naming", "fix lint"];
const WORDS: Record<string, readonly string[]> = {
  field: ["locale", "currency", "postcode", "customerId", "promoCode", "deviceId"],
  feature: ["pagination to order history", "idempotency keys to capture", "gift card support", "structured logging", "a circuit breaker for the partner API"],
  area: ["rounding helper", "basket validation", "token refresh", "price lookup", "retry policy", "line item serialisation", "session cache"],
  dependency: ["pg", "zod", "grpc-js", "aws-sdk", "jackson-databind", "netty"],
  flag: ["new-checkout-flow", "async-pricing", "smart-retries", "edge-caching", "one-tap-sign-in"],
  region: ["us-east-1", "eu-west-1", "ap-southeast-2", "cn-north-1"],
  instance: ["m7g.xlarge", "c7i.2xlarge", "r7g.large"],
};
const BODIES = [
  "Keeps the old behaviour behind a flag until the rollout is complete.",
  "Follow-up to last week's review: the previous default was too tight under peak load.",
  "Covered by the new integration test; staging soak ran for two hours.",
  "Reverts cleanly: no schema or data change.",
];

function subject(random: Random, cause: ChangeCause, slug: string): string {
  return random.pick(SUBJECTS[cause]).replace(/\{(\w+)\}/g, (_, key: string) => {
    if (key === "slug") return slug;
    if (key === "version") return `${random.int(1, 9)}.${random.int(0, 20)}.${random.int(0, 9)}`;
    if (key === "number") return String(random.int(2, 40) * 10);
    if (key === "percent") return String(random.pick([1, 5, 10, 25, 50, 100]));
    if (key === "minor") return String(random.int(29, 33));
    return random.pick(WORDS[key] ?? [key]);
  });
}

const HEX = "0123456789abcdef";

/** Forty hex digits, one draw each: toString(16) of large numbers was most of the time spent on commits. */
function sha(random: Random): string {
  let digits = "";
  for (let i = 0; i < 40; i++) digits += HEX.charAt(Math.floor(random.next() * 16));
  return digits;
}

/** The AI trailers one commit of a change carries, for what the author declared (or hid). */
function aiTrailers(random: Random, involvement: AiInvolvement, tool: string | undefined): string[] {
  if (involvement === "NONE" || !tool) return [];
  const coAuthor = CO_AUTHOR_OF[tool];
  if (involvement === "ASSISTED") {
    if (random.chance(0.15)) return []; // the tool added none and nobody wrote one
    return coAuthor && random.chance(0.8) ? [`Co-authored-by: ${coAuthor}`] : [`Assisted-by: ${tool}`];
  }
  if (random.chance(involvement === "AGENT" ? 0.25 : 0.12)) return [];
  const generated = `Generated-by: ${tool}`;
  return coAuthor && random.chance(0.5) ? [generated, `Co-authored-by: ${coAuthor}`] : [generated];
}

export type CommitPlan = {
  cause: ChangeCause;
  serviceSlug: string;
  declared: AiInvolvement;
  tool?: string;
  /** A tool the trailers name although the author declared NONE. */
  undeclaredTool?: string;
};

/** One to five commits (none for an operation an agent ran itself), the AI trailers on one or more of them. */
export function commitsFor(random: Random, plan: CommitPlan): Commit[] {
  if (plan.declared === "AGENT" && plan.cause !== "CODE_CHANGE" && random.chance(0.5)) return [];
  const count =
    plan.cause === "CODE_CHANGE"
      ? random.weighted([
          [1, 35],
          [2, 28],
          [3, 18],
          [4, 11],
          [5, 8],
        ] as const)
      : random.weighted([
          [1, 80],
          [2, 20],
        ] as const);
  const undeclared = plan.undeclaredTool;
  const signed = random.int(0, count - 1);
  const human = random.chance(0.1) ? random.int(0, count - 1) : -1;
  return Array.from({ length: count }, (_, i): Commit => {
    const trailers = undeclared
      ? i === signed
        ? [CO_AUTHOR_OF[undeclared] ? `Co-authored-by: ${CO_AUTHOR_OF[undeclared]}` : `Assisted-by: ${undeclared}`]
        : []
      : i === signed || random.chance(0.3)
        ? aiTrailers(random, plan.declared, plan.tool)
        : [];
    if (i === human) trailers.push(`Co-authored-by: ${random.pick(HUMANS)}`);
    const body = i === 0 && random.chance(0.4) ? `\n\n${random.pick(BODIES)}` : "";
    const footer = trailers.length > 0 ? `\n\n${trailers.join("\n")}` : "";
    const title = i === 0 ? subject(random, plan.cause, plan.serviceSlug) : random.pick(FOLLOW_UPS);
    return { sha: sha(random), message: `${title}${body}${footer}` };
  });
}

/** A change's title: its first commit's subject, or the operation's for one without commits. */
export function changeTitle(random: Random, commits: readonly Commit[], cause: ChangeCause, serviceSlug: string): string {
  return commits[0]?.message.split("\n")[0] ?? subject(random, cause, serviceSlug);
}
