import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "./markdown";

const render = (text: string) => renderToStaticMarkup(createElement(Markdown, { text }));

// In the rendered HTML every real tag starts with "<" (typed ones are escaped to &lt;), so
// listing the tags and their attributes lists everything a browser could act on.
const ALLOWED_TAGS = new Set(["div", "p", "br", "strong", "em", "code", "pre", "a", "ul", "ol", "li", "h3", "h4", "h5", "h6"]);
const ALLOWED_ATTRIBUTES = new Set(["class", "href", "rel", "target", "start", "data-language"]);

function activeParts(html: string): string[] {
  const problems: string[] = [];
  for (const [, tag = "", attributes = ""] of html.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)) {
    if (!ALLOWED_TAGS.has(tag.toLowerCase())) problems.push(`tag ${tag}`);
    for (const [, name = "", value = ""] of attributes.matchAll(/([^\s=/]+)(?:="([^"]*)")?/g)) {
      if (!ALLOWED_ATTRIBUTES.has(name.toLowerCase())) problems.push(`attribute ${name}`);
      if (name === "href" && !/^(https?:\/\/|mailto:)/.test(value)) problems.push(`href ${value}`);
    }
  }
  return problems;
}

const hostile = [
  "<img src=x onerror=alert(1)>",
  '<img src=x onerror="window.__xss=1">',
  "<script>window.__xss=1</script>",
  "[click](javascript:window.__xss=1)",
  "[click](JAVASCRIPT:alert(1))",
  "[click](javascript&colon;alert(1))",
  '<a href="javascript:alert(1)">x</a>',
  "<iframe srcdoc='<script>alert(1)</script>'></iframe>",
  "<svg onload=alert(1)>",
  "**<img src=x onerror=alert(1)>**",
  "_[x](javascript:alert(1))_",
  '[**x**](https://ok.example "title" onmouseover=alert(1))',
  "- <script>alert(1)</script>\n- [y](data:text/html,<script>alert(1)</script>)",
  "```\n</code></pre><script>alert(1)</script>\n```",
  "`</code><script>alert(1)</script>`",
  "# <style>body{display:none}</style>",
  "**unbalanced <b onclick=alert(1)>bold",
  "[unclosed](https://example.com <img src=x onerror=alert(1)>",
  '[x](https://example.com/"onmouseover="alert(1))',
];

describe("<Markdown>", () => {
  it("the checker itself spots active markup", () => {
    expect(activeParts('<p><img src="x" onerror="a()"></p><a href="javascript:x">y</a>')).toEqual([
      "tag img",
      "attribute src",
      "attribute onerror",
      "href javascript:x",
    ]);
  });

  it.each(hostile)("renders %j inert, as text", (source) => {
    const html = render(source);
    expect(activeParts(html), html).toEqual([]);
    // The typed text is all still there to read (markup characters included, as text).
    expect(html).not.toContain("<script");
  });

  it("shows HTML that was typed as the same visible text", () => {
    expect(render("<script>window.__xss=1</script>")).toBe(
      '<div class="space-y-2 text-sm leading-relaxed break-words "><p>&lt;script&gt;window.__xss=1&lt;/script&gt;</p></div>',
    );
    expect(render("[click](javascript:window.__xss=1)")).toContain("<p>[click](javascript:window.__xss=1)</p>");
  });

  it("renders the supported markdown as elements", () => {
    const html = render(
      "## Impact\n\n**Checkout** was _down_ for `12 min`.\nSee [the runbook](https://wiki.example.com/checkout).\n\n1. one\n2. two\n\n```\ncode <here>\n```",
    );
    expect(html).toContain('<h4 class="font-semibold">Impact</h4>');
    expect(html).toContain("<strong>Checkout</strong> was <em>down</em> for <code");
    expect(html).toContain("<br/>See ");
    expect(html).toContain('<a href="https://wiki.example.com/checkout" rel="noopener noreferrer nofollow" target="_blank"');
    expect(html).toMatch(/<ol class="[^"]*"><li>one<\/li><li>two<\/li><\/ol>/);
    expect(html).toContain("code &lt;here&gt;</code></pre>");
  });

  it("says when nothing is written", () => {
    expect(render("   ")).toContain("Nothing written yet.");
  });
});
