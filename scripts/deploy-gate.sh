#!/usr/bin/env bash
# The deploy gate of Ops Review (docs/deploy-gate.md), for any CI system.
#
#   scripts/deploy-gate.sh check    before deploying: asks POST /api/v1/changes/check whether
#                                   the change may go out; exit 1 (and the reason) when not
#   scripts/deploy-gate.sh record   after deploying: records the change with POST /api/v1/changes
#
# Needs bash, git, curl and Node.js (to build and read JSON); nothing else.
#
# Environment:
#   OPS_REVIEW_URL        the app's address, e.g. https://ops-review.example.com   (required)
#   OPS_REVIEW_TOKEN      an API token with role ENGINEER or higher                 (required)
#   OPS_REVIEW_SERVICE    slug of the service deployed to          (required for record)
#   CHANGE_REFERENCE      the change's unique reference: PR, deploy or ticket id or URL
#                         (required for record; the same value again updates the record)
#   CHANGE_TITLE, CHANGE_URL                                                       (optional)
#   CHANGE_AUTHOR_LEVEL   JUNIOR, MID, SENIOR or PRINCIPAL                 (optional: unknown)
#   CHANGE_APPROVAL       NONE, PEER, SENIOR or MANAGER                          (default NONE)
#   AI_INVOLVEMENT        NONE, ASSISTED, GENERATED or AGENT, as the author declares it
#                                                                                (default NONE)
#   AI_TOOL               e.g. "GitHub Copilot"                                        (optional)
#   DEPLOY_BASE           the commit deployed last; the commits DEPLOY_BASE..DEPLOY_HEAD are
#                         sent. Empty: only the DEPLOY_HEAD commit is sent.
#   DEPLOY_HEAD           the commit being deployed                             (default HEAD)
#   DEPLOYED_AT           ISO 8601 instant with offset, for record          (default: now, UTC)
#
# Exit status: 0 allowed or recorded; 1 the gate refused the change; 2 the gate could not be
# asked (missing setting, git error, network error, or the API refused the request).
set -euo pipefail

max_commits=500
# The API takes commit messages of at most 64 kB. A longer one is cut to max_message_bytes:
# its subject, then every trailer line (Generated-by, Assisted-by, Co-authored-by, wherever
# they are: a squash merge has them mid-message), then as much of the rest as fits.
max_message_bytes=60000

fail() {
  echo "deploy-gate: $*" >&2
  exit 2
}

usage() {
  echo "usage: $0 check|record   (the settings come from the environment; see the top of this file)" >&2
  exit 2
}

[ "$#" -eq 1 ] || usage
mode=$1
case "$mode" in
  check | record) ;;
  *) usage ;;
esac

command -v git >/dev/null || fail "git is not installed"
command -v curl >/dev/null || fail "curl is not installed"
command -v node >/dev/null || fail "node (Node.js) is not installed; it builds the JSON"

[ -n "${OPS_REVIEW_URL:-}" ] || fail "OPS_REVIEW_URL is not set (the app's address, e.g. https://ops-review.example.com)"
[ -n "${OPS_REVIEW_TOKEN:-}" ] || fail "OPS_REVIEW_TOKEN is not set (an API token with role ENGINEER)"
if [ "$mode" = record ]; then
  [ -n "${OPS_REVIEW_SERVICE:-}" ] || fail "OPS_REVIEW_SERVICE is not set (the slug of the service deployed to)"
  [ -n "${CHANGE_REFERENCE:-}" ] || fail "CHANGE_REFERENCE is not set (the change's PR, deploy or ticket id or URL)"
fi

umask 077
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The commits since the last deploy: hash, unit separator, full message, record separator.
head_commit=${DEPLOY_HEAD:-HEAD}
if [ -n "${DEPLOY_BASE:-}" ]; then
  git log --format=%H%x1f%B%x1e "${DEPLOY_BASE}..${head_commit}" -- >"$work/commits" ||
    fail "git log ${DEPLOY_BASE}..${head_commit} failed (is DEPLOY_BASE fetched? use a full clone)"
else
  echo "deploy-gate: DEPLOY_BASE is empty; sending only the commit ${head_commit}" >&2
  git log -1 --format=%H%x1f%B%x1e "${head_commit}" -- >"$work/commits" || fail "git log ${head_commit} failed"
fi

# The request body, built by Node.js from the environment and the git log: every value is
# JSON-escaped, whatever the commit messages hold.
MODE=$mode node -e '
const fs = require("fs");
const [commitsFile, bodyFile, maxCommits, maxMessageBytes] = process.argv.slice(1);
const env = (name) => (process.env[name] || "").trim() || undefined;
const max = Number(maxCommits);
const maxBytes = Number(maxMessageBytes);
const TRAILER = /^(generated-by|assisted-by|co-authored-by)[ \t]*:/i;
// At most `bytes` bytes of `text`, cut at a character boundary.
const prefix = (text, bytes) => Buffer.from(text, "utf8").subarray(0, Math.max(0, bytes)).toString("utf8").replace(/\uFFFD+$/, "");
function shortened(message) {
  const [subject, ...body] = message.split("\n");
  const trailers = body.filter((line) => TRAILER.test(line));
  const others = body.filter((line) => !TRAILER.test(line)).join("\n");
  const marker = "\n[… cut to fit: the rest of this message was left out …]\n";
  const kept = `${prefix(subject, 1000)}\n${trailers.join("\n")}\n`.slice(0, maxBytes);
  const room = maxBytes - Buffer.byteLength(kept, "utf8") - Buffer.byteLength(marker, "utf8") - 1;
  return prefix(`${kept}\n${prefix(others, room)}${marker}`, maxBytes);
}

// Records end in \x1e and a newline; splitting only where a commit hash and \x1f follow keeps
// a message that itself holds \x1e in one piece.
const commits = fs.readFileSync(commitsFile, "utf8").replace(/\x1e\n?$/, "")
  .split(/\x1e\n?(?=[0-9a-f]{40,64}\x1f)/)
  .filter((record) => record !== "")
  .map((record) => {
    const cut = record.indexOf("\x1f");
    const sha = record.slice(0, cut);
    let message = record.slice(cut + 1);
    const size = Buffer.byteLength(message, "utf8");
    if (size > maxBytes) {
      message = shortened(message);
      console.error(`deploy-gate: the message of ${sha} is ${size} bytes; sending ${Buffer.byteLength(message, "utf8")}: its subject, its trailers and what fits of the rest`);
    }
    return { sha, message };
  });
if (commits.length > max) {
  console.error(`deploy-gate: ${commits.length} commits since DEPLOY_BASE, more than the ${max} the API takes; deploy in smaller steps or set a later DEPLOY_BASE`);
  process.exit(2);
}

const change = { approval: env("CHANGE_APPROVAL") || "NONE" };
if (env("CHANGE_AUTHOR_LEVEL")) change.authorLevel = env("CHANGE_AUTHOR_LEVEL");
const ai = { involvement: env("AI_INVOLVEMENT") || "NONE" };
if (env("AI_TOOL")) ai.tool = env("AI_TOOL");

let body;
if (process.env.MODE === "check") {
  body = { ...(env("OPS_REVIEW_SERVICE") ? { service: env("OPS_REVIEW_SERVICE") } : {}), change, ai, commits };
} else {
  body = {
    reference: env("CHANGE_REFERENCE"),
    service: env("OPS_REVIEW_SERVICE"),
    deployedAt: env("DEPLOYED_AT") || new Date().toISOString(),
    ...(env("CHANGE_TITLE") ? { title: env("CHANGE_TITLE") } : {}),
    ...(env("CHANGE_URL") ? { url: env("CHANGE_URL") } : {}),
    change,
    ai,
    commits,
  };
}
fs.writeFileSync(bodyFile, JSON.stringify(body));
console.error(`deploy-gate: ${commits.length} commit(s) in the request`);
' "$work/commits" "$work/body.json" "$max_commits" "$max_message_bytes" || exit 2

# The token goes in a header file, not on the command line where other processes could see it.
printf 'Authorization: Bearer %s\n' "$OPS_REVIEW_TOKEN" >"$work/headers"

if [ "$mode" = check ]; then path=/api/v1/changes/check; else path=/api/v1/changes; fi
status=$(curl --silent --show-error --max-time 60 \
  --request POST "${OPS_REVIEW_URL%/}${path}" \
  --header @"$work/headers" \
  --header 'Content-Type: application/json' \
  --header 'Accept: application/json' \
  --data-binary @"$work/body.json" \
  --output "$work/response" \
  --write-out '%{http_code}') || fail "could not reach ${OPS_REVIEW_URL%/}${path}"

# Reads the answer: exit 0 allowed or recorded, 1 refused by the gate, 2 anything else.
MODE=$mode STATUS=$status node -e '
const fs = require("fs");
const status = Number(process.env.STATUS);
const text = fs.readFileSync(process.argv[1], "utf8");
let answer;
try { answer = JSON.parse(text); } catch { answer = null; }
if (status < 200 || status > 299 || answer === null || typeof answer !== "object") {
  console.error(`deploy-gate: the API answered ${status}: ${answer && answer.title ? answer.title : "(no JSON body)"}`);
  if (answer && answer.detail) console.error(`  ${answer.detail}`);
  for (const e of (answer && Array.isArray(answer.errors) ? answer.errors : [])) console.error(`  ${e.field}: ${(e.messages || []).join("; ")}`);
  if (!answer) console.error(text.slice(0, 500));
  process.exit(2);
}
const ai = answer.ai || {};
if (process.env.MODE === "check") {
  if (typeof answer.allowed !== "boolean") {
    console.error("deploy-gate: the answer has no allowed: true or false");
    process.exit(2);
  }
  const involvement = `AI involvement declared ${ai.declared ?? "?"}, detected from the commits ${ai.detected ?? "?"}`;
  if (answer.allowed) {
    console.log(`deploy-gate: allowed (${involvement})`);
    process.exit(0);
  }
  console.log(`deploy-gate: NOT ALLOWED: ${answer.reason || "the change lacks the sign-off the policy requires"}`);
  console.log(`  ${involvement}`);
  if (Array.isArray(answer.requiredApproval)) console.log(`  sign-off that would allow it: ${answer.requiredApproval.join(" or ") || "none allows it"}`);
  process.exit(1);
}
console.log(`deploy-gate: change ${process.env.CHANGE_REFERENCE} ${status === 201 ? "recorded" : "updated"} (id ${answer.id ?? "?"}; AI involvement detected ${ai.detected ?? "?"}; policy violation ${answer.policyViolation})`);
if (ai.mismatch) console.log("deploy-gate: note: the commits show AI involvement, but the change was declared NONE");
' "$work/response"
