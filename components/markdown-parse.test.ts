import { describe, expect, it } from "vitest";
import { parseMarkdown, safeHref } from "./markdown-parse";

const text = (value: string) => ({ type: "text", value });

describe("parseMarkdown blocks", () => {
  it("splits paragraphs on blank lines and keeps single line breaks", () => {
    expect(parseMarkdown("one\ntwo\n\nthree")).toEqual([
      { type: "paragraph", children: [text("one"), { type: "break" }, text("two")] },
      { type: "paragraph", children: [text("three")] },
    ]);
  });

  it("reads headings, fenced code and both kinds of list", () => {
    const blocks = parseMarkdown("## Impact\n```sql\nSELECT '<b>';\n```\n- a\n- b\n\n3. c\n4. d");
    expect(blocks).toEqual([
      { type: "heading", level: 2, children: [text("Impact")] },
      { type: "code", language: "sql", value: "SELECT '<b>';" },
      { type: "list", ordered: false, start: 1, items: [[text("a")], [text("b")]] },
      { type: "list", ordered: true, start: 3, items: [[text("c")], [text("d")]] },
    ]);
  });

  it("keeps an unclosed fence as code to the end, never as markup", () => {
    expect(parseMarkdown("```\n**x**\n<script>")).toEqual([{ type: "code", language: null, value: "**x**\n<script>" }]);
  });

  it("continues a list item on indented lines and lets a blank line between items keep the list", () => {
    expect(parseMarkdown("- first\n  more\n\n- second")).toEqual([
      { type: "list", ordered: false, start: 1, items: [[text("first"), { type: "break" }, text("more")], [text("second")]] },
    ]);
  });

  it("returns nothing for blank text", () => {
    expect(parseMarkdown("  \n\n")).toEqual([]);
  });
});

describe("parseMarkdown inline", () => {
  const inline = (source: string) => {
    const [block] = parseMarkdown(source);
    return block?.type === "paragraph" ? block.children : block;
  };

  it("reads bold, italic, code and nesting", () => {
    expect(inline("**bold _and italic_** and `a*b*c` and *star*")).toEqual([
      { type: "strong", children: [text("bold "), { type: "em", children: [text("and italic")] }] },
      text(" and "),
      { type: "code", value: "a*b*c" },
      text(" and "),
      { type: "em", children: [text("star")] },
    ]);
  });

  it("leaves unbalanced and intraword delimiters as typed", () => {
    expect(inline("**open and *half")).toEqual([text("**open and *half")]);
    expect(inline("snake_case_name and 2 * 3 * 4")).toEqual([text("snake_case_name and 2 * 3 * 4")]);
    expect(inline("`unclosed code")).toEqual([text("`unclosed code")]);
    expect(inline("\\*not italic\\*")).toEqual([text("*not italic*")]);
  });

  it("links only to http, https and mailto, with the label parsed", () => {
    expect(inline("[the **runbook**](https://wiki.example.com/run(book))")).toEqual([
      { type: "link", href: "https://wiki.example.com/run(book)", children: [text("the "), { type: "strong", children: [text("runbook")] }] },
    ]);
    expect(inline("[mail](mailto:oncall@example.com)")).toEqual([{ type: "link", href: "mailto:oncall@example.com", children: [text("mail")] }]);
  });

  it.each([
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](data:text/html,<script>alert(1)</script>)",
    "[x](vbscript:msgbox)",
    "[x](/relative/path)",
    "[x](//evil.example.com)",
  ])("shows %s as the text that was typed", (source) => {
    expect(inline(source)).toEqual([text(source)]);
  });

  it("never nests a link inside a link", () => {
    const [link] = inline("[[inner](https://a.example)](https://b.example)") as { type: string; children: unknown[] }[];
    expect(link).toMatchObject({ type: "link", href: "https://b.example/" });
    expect(link?.children).toEqual([text("[inner](https://a.example)")]);
  });

  it("stays fast on hostile input", () => {
    const hostile = ["[".repeat(20_000), "*a ".repeat(7_000), "_".repeat(20_000), "**".repeat(10_000), "`".repeat(20_000)];
    const started = performance.now();
    for (const source of hostile) parseMarkdown(source);
    expect(performance.now() - started).toBeLessThan(1_500);
  });
});

describe("safeHref", () => {
  it("accepts absolute web and mail addresses and normalises them", () => {
    expect(safeHref(" https://example.com/a?b=1 ")).toBe("https://example.com/a?b=1");
    expect(safeHref("HTTP://EXAMPLE.com")).toBe("http://example.com/");
  });

  it.each([
    "javascript:alert(1)",
    "java\tscript:alert(1)",
    "\u0001javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "file:///etc/passwd",
    "https://exa mple.com",
    "",
  ])("refuses %j", (href) => {
    expect(safeHref(href)).toBeNull();
  });
});
