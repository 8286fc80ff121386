import { describe, expect, it } from "vitest";
import { markdownLinkTarget, markdownText } from "./markdown-text";

// What a Markdown viewer could turn into markup or a live link, from any user text.
// A backslash-escaped bracket is text; an unescaped "](", "]:" or "][" closes a link.
const LIVE = [/<[a-z!/?]/i, /(?<!\\)\]\s*[(:[]/, /&#/i, /&[a-z]+;/i];
const live = (markdown: string) => LIVE.some((pattern) => pattern.test(markdown.replace(/&(amp|lt|gt);/g, "")));

describe("markdownText", () => {
  it.each([
    ["<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ["<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"],
    ['<a href="javascript:alert(1)">x</a>', '&lt;a href="javascript:alert(1)"&gt;x&lt;/a&gt;'],
    ["[click](javascript:alert(1))", "\\[click\\](javascript:alert(1))"],
    ["![x](data:text/html;base64,PHNjcmlwdD4=)", "!\\[x\\](data:text/html;base64,PHNjcmlwdD4=)"],
    ["[x]( VBScript:msgbox(1) )", "\\[x\\]( VBScript:msgbox(1) )"],
    ["[x](javascript\\:alert(1))", "\\[x\\](javascript\\:alert(1))"],
    ["[x](<javascript:alert(1)>)", "\\[x\\](&lt;javascript:alert(1)&gt;)"],
    ["[x][evil]\n\n[evil]: javascript:alert(1)", "\\[x\\]\\[evil\\]\n\n\\[evil\\]: javascript:alert(1)"],
    ["<javascript:alert(1)>", "&lt;javascript:alert(1)&gt;"],
    ["[x](jav&#x61;script:alert(1))", "\\[x\\](jav&amp;#x61;script:alert(1))"],
    ["<!-- hidden -->", "&lt;!-- hidden --&gt;"],
    ["\\<b>bold</b>", "\\&lt;b&gt;bold&lt;/b&gt;"],
  ])("%j is inert", (hostile, inert) => {
    expect(markdownText(hostile)).toBe(inert);
    expect(live(markdownText(hostile)), markdownText(hostile)).toBe(false);
  });

  it("leaves ordinary text as it was", () => {
    for (const text of [
      "Retry storm; no circuit breaker.",
      "p99 latency up 40 % after deploy 2026-03-04",
      "See https://status.example.test/incidents/42",
      "**bold** and _emphasis_ stay",
    ]) {
      expect(markdownText(text)).toBe(text);
    }
  });
});

describe("markdownLinkTarget", () => {
  it.each([
    ["https://git.example.test/shop/pull/42", "https://git.example.test/shop/pull/42"],
    ["http://git.example.test/a_(b)", "http://git.example.test/a_%28b%29"],
    ["https://x.test/)[y](javascript:alert(1)", "https://x.test/%29%5By%5D%28javascript:alert%281%29"],
    ['https://x.test/"><img src=x>', null],
    ['https://x.test/"<img>', "https://x.test/%22%3Cimg%3E"],
  ])("%s → %s", (url, target) => {
    expect(markdownLinkTarget(url)).toBe(target);
  });

  it.each([
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>",
    "vbscript:msgbox(1)",
    "//evil.test",
    "ftp://x.test",
  ])("refuses %s", (url) => {
    expect(markdownLinkTarget(url)).toBeNull();
  });
});
