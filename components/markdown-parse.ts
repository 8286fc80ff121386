// A deliberately small markdown dialect for user text (postmortems, summaries). It never
// passes HTML through: the output is a tree of plain-text nodes that React escapes, and the
// only links are http, https and mailto ones.
import { parseInline, type MarkdownInline } from "./markdown-inline";

export type { MarkdownInline } from "./markdown-inline";
export { safeHref } from "./markdown-inline";

export type MarkdownBlock =
  | { type: "paragraph"; children: MarkdownInline[] }
  | { type: "heading"; level: number; children: MarkdownInline[] }
  | { type: "code"; language: string | null; value: string }
  | { type: "list"; ordered: boolean; start: number; items: MarkdownInline[][] };

const FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*([\w+#.-]*)[^`]*$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const LIST_ITEM = /^ {0,3}([-*+]|\d{1,9}[.)])[ \t]+(.*)$/;
const CONTINUATION = /^(?: {2,}|\t)(.*)$/;

const isBlank = (line: string) => line.trim() === "";
const listKind = (marker: string) => (/^\d/.test(marker) ? "ordered" : "unordered");

/** Whether a line starts a block of its own (and so ends a paragraph). */
function startsBlock(line: string): boolean {
  return FENCE.test(line) || HEADING.test(line) || LIST_ITEM.test(line);
}

export function parseMarkdown(source: string): MarkdownBlock[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: MarkdownBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? "";
    if (isBlank(line)) {
      i++;
      continue;
    }

    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1] ?? "```";
      const closer = new RegExp(`^ {0,3}${marker[0] === "`" ? "`" : "~"}{${marker.length},}[ \\t]*$`);
      const body: string[] = [];
      i++;
      while (i < lines.length && !closer.test(lines[i] ?? "")) body.push(lines[i++] ?? "");
      i++; // the closing fence; an unclosed fence runs to the end of the text
      blocks.push({ type: "code", language: fence[2] || null, value: body.join("\n") });
      continue;
    }

    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ type: "heading", level: heading[1]?.length ?? 1, children: parseInline(heading[2] ?? "") });
      i++;
      continue;
    }

    const item = LIST_ITEM.exec(line);
    if (item) {
      const kind = listKind(item[1] ?? "-");
      const start = kind === "ordered" ? Number.parseInt(item[1] ?? "1", 10) : 1;
      const items: string[][] = [];
      while (i < lines.length) {
        const current = lines[i] ?? "";
        const next = LIST_ITEM.exec(current);
        if (next && listKind(next[1] ?? "-") === kind) {
          items.push([next[2] ?? ""]);
        } else if (!isBlank(current) && items.length > 0 && (CONTINUATION.test(current) || !startsBlock(current))) {
          items.at(-1)?.push(current.trim());
        } else if (isBlank(current)) {
          // A blank line ends the list unless another item of the same kind follows it.
          const following = LIST_ITEM.exec(lines[i + 1] ?? "");
          if (!following || listKind(following[1] ?? "-") !== kind) break;
        } else {
          break;
        }
        i++;
      }
      blocks.push({ type: "list", ordered: kind === "ordered", start, items: items.map((parts) => parseInline(parts.join("\n"))) });
      continue;
    }

    const paragraph: string[] = [];
    while (i < lines.length && !isBlank(lines[i] ?? "") && (paragraph.length === 0 || !startsBlock(lines[i] ?? ""))) {
      paragraph.push((lines[i] ?? "").trim());
      i++;
    }
    blocks.push({ type: "paragraph", children: parseInline(paragraph.join("\n")) });
  }
  return blocks;
}
