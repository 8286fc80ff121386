import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// Reads the links of the repository's Markdown documents and says which ones lead a reader
// astray: outside the repository, to a file that does not exist, to a heading that is not
// there, or to a web page that is not a public standard or vendor page.

/** Hosts a document may link to: public standards and the documentation of what the app runs on. */
export const ALLOWED_HOSTS = new Set([
  "www.rfc-editor.org",
  "datatracker.ietf.org",
  "spec.openapis.org",
  "json-schema.org",
  "nodejs.org",
  "www.postgresql.org",
  "nextjs.org",
  "www.prisma.io",
  "docs.github.com",
  "developer.pagerduty.com",
  "api.slack.com",
  "git-scm.com",
  "www.iana.org",
  "en.wikipedia.org",
]);

export type Link = { line: number; target: string };

/** Inline links, images and reference definitions outside code; code spans and fences are not links. */
export function linksOf(markdown: string): Link[] {
  const links: Link[] = [];
  let fenced = false;
  markdown.split("\n").forEach((raw, index) => {
    if (/^\s*(```|~~~)/.test(raw)) fenced = !fenced;
    if (fenced) return;
    const text = raw.replace(/`[^`]*`/g, "");
    for (const match of text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) links.push({ line: index + 1, target: match[1] ?? "" });
    for (const match of text.matchAll(/<((?:https?|mailto|ftp):[^>\s]+)>/g)) links.push({ line: index + 1, target: match[1] ?? "" });
    const definition = text.match(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(\s|$)/);
    if (definition) links.push({ line: index + 1, target: definition[1] ?? "" });
  });
  return links;
}

/** GitHub's anchors for a document's headings: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = !fenced && line.match(/^#{1,6}\s+(.*?)\s*#*\s*$/);
    if (!heading) continue;
    const text = (heading[1] ?? "").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
      .replace(/ /g, "-");
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** What is wrong with each link of `file` (a path relative to `root`), as "file:line target: reason". */
export function brokenLinks(root: string, file: string): string[] {
  const source = readFileSync(path.join(root, file), "utf8");
  return linksOf(source).flatMap(({ line, target }) => {
    const problem = problemOf(root, file, source, target);
    return problem ? [`${file}:${line} ${target}: ${problem}`] : [];
  });
}

function problemOf(root: string, file: string, source: string, target: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
    if (!/^https:/i.test(target)) return "only https links to public pages are allowed";
    return ALLOWED_HOSTS.has(new URL(target).host) ? null : "a web page that is not a public standard or vendor page";
  }
  const [pathPart = "", anchor] = target.split("#", 2);
  const resolved = pathPart === "" ? path.join(root, file) : path.resolve(root, path.dirname(file), decodeURIComponent(pathPart));
  const relative = path.relative(root, resolved);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return "outside the repository";
  if (!existsSync(resolved)) return "no such file in the repository";
  if (anchor === undefined || statSync(resolved).isDirectory() || !resolved.endsWith(".md")) return null;
  const text = pathPart === "" ? source : readFileSync(resolved, "utf8");
  return headingAnchors(text).has(decodeURIComponent(anchor)) ? null : "no such heading";
}
