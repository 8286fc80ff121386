import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { brokenLinks, headingAnchors, linksOf } from "./markdown-links";

const root = process.cwd();
const documents = [
  "README.md",
  ...readdirSync(path.join(root, "docs"), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".md"))
    .map((f) => path.join("docs", f)),
];

describe("the documentation", () => {
  it("has documents to check", () => {
    expect(documents).toEqual(expect.arrayContaining(["README.md", "docs/domain.md", "docs/metrics.md", "docs/roles.md"]));
  });

  it.each(documents)("%s links only inside the repository, to files and headings that exist", (file) => {
    expect(brokenLinks(root, file)).toEqual([]);
  });
});

describe("the link check", () => {
  const scratch = mkdtempSync(path.join(tmpdir(), "docs-links-"));
  const repo = path.join(scratch, "repo");
  mkdirSync(path.join(repo, "docs"), { recursive: true });
  writeFileSync(path.join(scratch, "SPEC.md"), "# Outside\n");
  writeFileSync(path.join(repo, "docs", "a.md"), "# Title\n\n## The `week` cells\n\n## Title\n");
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const check = (markdown: string) => {
    writeFileSync(path.join(repo, "README.md"), markdown);
    return brokenLinks(repo, "README.md");
  };

  it("accepts files, headings and standards that exist", () => {
    expect(
      check("[a](docs/a.md) [b](docs/a.md#the-week-cells) [c](docs/a.md#title-1) [d](#top)\n\n# Top\n\n[RFC](https://www.rfc-editor.org/rfc/rfc9457)"),
    ).toEqual([]);
  });

  it("reports a link outside the repository, a missing file or heading, and other web pages", () => {
    expect(check("[spec](../SPEC.md)\n[gone](docs/b.md)\n[h](docs/a.md#nope)\n[w](https://example.com/x)\n[abs](/etc/passwd)")).toEqual([
      "README.md:1 ../SPEC.md: outside the repository",
      "README.md:2 docs/b.md: no such file in the repository",
      "README.md:3 docs/a.md#nope: no such heading",
      "README.md:4 https://example.com/x: a web page that is not a public standard or vendor page",
      "README.md:5 /etc/passwd: outside the repository",
    ]);
  });

  it("ignores links inside code", () => {
    expect(linksOf("`[x](../a.md)`\n```\n[y](../b.md)\n```\n[z](c.md)")).toEqual([{ line: 5, target: "c.md" }]);
    expect(headingAnchors("## PATCH /api/v1/incidents/{id or reference}")).toEqual(new Set(["patch-apiv1incidentsid-or-reference"]));
  });
});
