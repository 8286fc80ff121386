import { describe, expect, it } from "vitest";
import { aiToolNamedBy, DEFAULT_AI_TOOLS, detectAiInvolvement, strongerInvolvement, trailersOf } from "@/lib/domain/ai-trailers";

const tools = DEFAULT_AI_TOOLS;
const detect = (...messages: string[]) =>
  detectAiInvolvement(
    messages.map((message) => ({ message })),
    tools,
  );

describe("detectAiInvolvement over real-looking commit messages", () => {
  const cases: [string, string, string, string | null][] = [
    ["no trailers", "Fix rounding of basket totals\n\nThe total was rounded per line.", "NONE", null],
    ["Claude Code's trailer", "Add retry to payment client\n\nCo-Authored-By: Claude <noreply@anthropic.com>", "ASSISTED", "Claude"],
    ["Copilot's bot address", "Refactor cart\n\nCo-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>", "ASSISTED", "Copilot"],
    ["lower-case key", "Tune pool\n\nco-authored-by: cursoragent <cursoragent@cursor.com>", "ASSISTED", "Cursor"],
    [
      "a multi-word tool in an address",
      "Bump SDK\n\nCo-authored-by: amazon-q-developer[bot] <208079219+amazon-q-developer[bot]@users.noreply.github.com>",
      "ASSISTED",
      "Amazon Q",
    ],
    ["a human co-author", "Pair on checkout\n\nCo-authored-by: Jane Doe <jane.doe@example.com>", "NONE", null],
    [
      "a name containing a tool's name inside a word",
      "Docs\n\nCo-authored-by: Claudette Moreau <claudette@example.com>\nCo-authored-by: Jo Cursorsson <jo@cursorsson.dev>",
      "NONE",
      null,
    ],
    ["Assisted-by names any helper", "Port to Node 20\n\nAssisted-by: some-internal-llm", "ASSISTED", null],
    ["Generated-by beats Co-authored-by", "Generate client\n\nCo-authored-by: Claude <noreply@anthropic.com>\nGenerated-by: Codex", "GENERATED", "Claude"],
    [
      "several trailers with a human first",
      "Split job\n\nSigned-off-by: Ana <ana@example.com>\nCo-authored-by: Ana <ana@example.com>\nCo-authored-by: Gemini Code Assist <gemini@google.com>",
      "ASSISTED",
      "Gemini",
    ],
    [
      "squash merge with trailers mid-message",
      "Checkout v2 (#812)\n\n* first\n\nCo-authored-by: Devin AI <158243242+devin-ai-integration[bot]@users.noreply.github.com>\n\n* second",
      "ASSISTED",
      "Devin",
    ],
    ["the subject line is never a trailer", "Generated-by: a script of ours", "NONE", null],
    ["an empty value is no trailer", "Tidy\n\nGenerated-by:   ", "NONE", null],
    ["indented text is prose, not a trailer", "Explain\n\n    Co-authored-by: Claude <noreply@anthropic.com>", "NONE", null],
    ["CRLF line ends", "Fix\r\n\r\nGENERATED-BY: Kiro\r\n", "GENERATED", null],
  ];
  it.each(cases)("%s", (_name, message, involvement, tool) => {
    expect(detect(message)).toEqual({ involvement, tool });
  });

  it("reads every commit of a change: the strongest wins", () => {
    expect(detect("One\n\nAssisted-by: Aider", "Two", "Three\n\nGenerated-by: Jules").involvement).toBe("GENERATED");
    expect(detect("One", "Two").involvement).toBe("NONE");
  });

  it("matches only the organisation's list", () => {
    const message = "Fix\n\nCo-authored-by: Claude <noreply@anthropic.com>";
    expect(detectAiInvolvement([{ message }], ["Copilot"]).involvement).toBe("NONE");
    expect(detectAiInvolvement([{ message }], []).involvement).toBe("NONE");
    expect(detectAiInvolvement([{ message }], ["  ", "claude"]).involvement).toBe("ASSISTED");
  });
});

describe("trailer parts", () => {
  it("lists a message's trailers in order with lower-case keys", () => {
    expect(trailersOf("Subject\n\nBody\n\nAssisted-by: X\nCo-Authored-By: Y <y@example.com>")).toEqual([
      ["assisted-by", "X"],
      ["co-authored-by", "Y <y@example.com>"],
    ]);
  });

  it("treats a tool's name with regex characters literally", () => {
    expect(aiToolNamedBy("A.I. Pal <pal@example.com>", ["A.I. Pal"])).toBe("A.I. Pal");
    expect(aiToolNamedBy("AxIx Pal", ["A.I. Pal"])).toBeNull();
  });

  it("orders involvement NONE < ASSISTED < GENERATED < AGENT", () => {
    expect(strongerInvolvement("NONE", "ASSISTED")).toBe("ASSISTED");
    expect(strongerInvolvement("AGENT", "GENERATED")).toBe("AGENT");
    expect(strongerInvolvement("GENERATED", "ASSISTED")).toBe("GENERATED");
  });
});
