/**
 * User text made inert for a Markdown viewer: `&`, `<` and `>` become entities, so no raw
 * HTML, autolink or entity-spelled scheme survives, and `[`, `]` are backslash-escaped, so no
 * link, image or link definition can be formed (a `javascript:`, `data:` or `vbscript:` one
 * included). A bare https address still shows, and GitHub-style viewers still link it.
 */
export function markdownText(text: string): string {
  return text.replace(/[&<>[\]]/g, (character) => ESCAPES[character] ?? character);
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "[": "\\[", "]": "\\]" };

/**
 * A link target the export may write: http or https only, with the characters that could end
 * a Markdown link destination or open HTML percent-encoded. Anything else gives null.
 */
export function markdownLinkTarget(url: string): string | null {
  if (!/^https?:\/\/[^\s]+$/i.test(url)) return null;
  return url.replace(/[()<>[\]\\"'`]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}
