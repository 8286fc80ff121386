// Inline markdown: **bold**, _italic_ / *italic*, `code`, [links](https://…), line breaks.
// Anything that does not match exactly stays literal text; raw HTML is just text.

export type MarkdownInline =
  | { type: "text"; value: string }
  | { type: "code"; value: string }
  | { type: "strong"; children: MarkdownInline[] }
  | { type: "em"; children: MarkdownInline[] }
  | { type: "link"; href: string; children: MarkdownInline[] }
  | { type: "break" };

/** Deeper nesting than this is shown as text: it bounds the work on hostile input. */
const MAX_DEPTH = 8;
/** Longest link label and URL looked for, so a text full of "[" stays cheap to parse. */
const MAX_LABEL = 1_000;
const MAX_URL = 2_048;
const SAFE_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);
const ESCAPABLE = /[!-/:-@[-`{-~]/;
const WORD = /[\p{L}\p{N}]/u;
const SPACE = /\s/;

/** The href of a link as it may be rendered: an absolute http, https or mailto URL, else null. */
export function safeHref(raw: string): string | null {
  const candidate = raw.trim();
  // Control characters and spaces are where scheme-smuggling tricks hide; a real URL has none.
  if (candidate === "" || /[\u0000-\u0020\u007f-\u009f]/.test(candidate)) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
}

function runLength(src: string, at: number, char: string): number {
  let end = at;
  while (src[end] === char) end++;
  return end - at;
}

/** Where a code span opened by `length` backticks closes (a run of exactly that many), or -1. */
function codeSpanEnd(src: string, from: number, length: number): number {
  for (let j = from; j < src.length; j++) {
    if (src[j] !== "`") continue;
    const run = runLength(src, j, "`");
    if (run === length) return j;
    j += run - 1;
  }
  return -1;
}

/** Skips what cannot hold a delimiter: an escaped character or a whole code span. */
function skipOpaque(src: string, j: number): number {
  if (src[j] === "\\") return j + 1;
  if (src[j] === "`") {
    const run = runLength(src, j, "`");
    const end = codeSpanEnd(src, j + run, run);
    return end >= 0 ? end + run - 1 : j + run - 1;
  }
  return j;
}

/** `[label](url)` starting at `at`: its label, url and end, or null when it is not one. */
function matchLink(src: string, at: number): { label: string; url: string; end: number } | null {
  let depth = 0;
  let close = -1;
  const limit = Math.min(src.length, at + MAX_LABEL);
  for (let j = at; j < limit; j++) {
    const skipped = skipOpaque(src, j);
    if (skipped !== j) {
      j = skipped;
      continue;
    }
    if (src[j] === "[") depth++;
    if (src[j] === "]" && --depth === 0) {
      close = j;
      break;
    }
  }
  if (close < 0 || src[close + 1] !== "(") return null;
  let parens = 0;
  for (let j = close + 2; j < Math.min(src.length, close + 2 + MAX_URL); j++) {
    if (src[j] === "(") parens++;
    if (src[j] === ")" && parens-- === 0) {
      const url = src.slice(close + 2, j).trim();
      return /\s/.test(url) ? null : { label: src.slice(at + 1, close), url, end: j + 1 };
    }
  }
  return null;
}

type Emphasis = { inner: string; length: number; end: number };

/**
 * Emphasis opened at `at` by a run of `*` or `_`: its inner text, strength and end, or null.
 * `noCloser` remembers, per delimiter, from where on no closer exists, so that a text full of
 * unmatched openers is scanned once rather than once per opener.
 */
function matchEmphasis(src: string, at: number, noCloser: Map<string, number>): Emphasis | null {
  const char = src[at] ?? "";
  const length = Math.min(runLength(src, at, char), 3);
  const after = src[at + length];
  if (after === undefined || SPACE.test(after)) return null;
  if (char === "_" && at > 0 && WORD.test(src[at - 1] ?? "")) return null; // snake_case stays as typed
  const key = char.repeat(length);
  if ((noCloser.get(key) ?? Infinity) <= at) return null;
  for (let j = at + length; j < src.length; j++) {
    const skipped = skipOpaque(src, j);
    if (skipped !== j) {
      j = skipped;
      continue;
    }
    if (src[j] !== char) continue;
    const run = runLength(src, j, char);
    const before = src[j - 1] ?? " ";
    const next = src[j + run] ?? " ";
    const closes = run === length && !SPACE.test(before) && !(char === "_" && WORD.test(next));
    if (closes && j > at + length) return { inner: src.slice(at + length, j), length, end: j + run };
    j += run - 1;
  }
  noCloser.set(key, at);
  return null;
}

function emphasisNode(length: number, children: MarkdownInline[]): MarkdownInline {
  if (length === 1) return { type: "em", children };
  if (length === 2) return { type: "strong", children };
  return { type: "strong", children: [{ type: "em", children }] };
}

export function parseInline(src: string, depth = 0, inLink = false): MarkdownInline[] {
  const nodes: MarkdownInline[] = [];
  const noCloser = new Map<string, number>();
  let text = "";
  const flush = () => {
    if (text) nodes.push({ type: "text", value: text });
    text = "";
  };
  let i = 0;
  while (i < src.length) {
    const char = src[i] ?? "";
    if (char === "\\" && ESCAPABLE.test(src[i + 1] ?? "")) {
      text += src[i + 1];
      i += 2;
      continue;
    }
    if (char === "\n") {
      flush();
      nodes.push({ type: "break" });
      i++;
      continue;
    }
    if (char === "`") {
      const run = runLength(src, i, "`");
      const end = codeSpanEnd(src, i + run, run);
      if (end >= 0) {
        flush();
        nodes.push({ type: "code", value: src.slice(i + run, end).replace(/\n/g, " ") });
        i = end + run;
      } else {
        text += src.slice(i, i + run);
        i += run;
      }
      continue;
    }
    const link = char === "[" && !inLink && depth < MAX_DEPTH ? matchLink(src, i) : null;
    if (link) {
      const href = safeHref(link.url);
      // A link to anything else (javascript:, data:, relative paths) is shown as the text that was typed.
      if (href) {
        flush();
        nodes.push({ type: "link", href, children: parseInline(link.label, depth + 1, true) });
      } else {
        text += src.slice(i, link.end);
      }
      i = link.end;
      continue;
    }
    if (char === "*" || char === "_") {
      const emphasis = depth < MAX_DEPTH ? matchEmphasis(src, i, noCloser) : null;
      if (emphasis) {
        flush();
        nodes.push(emphasisNode(emphasis.length, parseInline(emphasis.inner, depth + 1, inLink)));
        i = emphasis.end;
      } else {
        const run = runLength(src, i, char);
        text += src.slice(i, i + run);
        i += run;
      }
      continue;
    }
    text += char;
    i++;
  }
  flush();
  return nodes;
}
