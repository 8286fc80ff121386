// Every event's Slack message keeps within Block Kit's limits and lets no typed text become a
// mention, a broadcast or a link, however hostile; the JSON body stays valid JSON.
import { describe, expect, it } from "vitest";
import { WEBHOOK_EVENT_TYPES, TEST_EVENT_TYPE } from "@/lib/jobs/events";
import { cut, escapeMrkdwn, LIMITS, type Block } from "./blocks";
import { renderBody } from "./body";
import { renderJsonBody } from "./json";
import { renderSlackMessage } from "./slack";
import { HOSTILE, HOSTILE_DATA } from "./test-hostile";

const BASE = "https://ops.example.test";
const event = (type: string) => ({ id: "00000000-0000-4000-8000-00000000000e", type, subject: {}, occurredAt: new Date("2026-03-12T09:00:00Z") });

/** Our own links, `<https://ops.example.test/…|label>`; anything else in angle brackets came from typed text. */
const OWN_LINK = new RegExp(`<${BASE.replace(/[.]/g, "\\.")}/[^|<>\\s]*\\|[^<>]*>`, "g");

/** Every rule of Block Kit the messages rely on, as a list of what broke. */
function limitBreaches(message: { text: string; blocks: Block[] }): string[] {
  const broken: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) broken.push(what);
  };
  const mrkdwn = (text: string, max: number, where: string) => {
    check(text.length <= max, `${where}: ${text.length} > ${max}`);
    check(!/[<>]/.test(text.replace(OWN_LINK, "")), `${where}: an angle bracket not from one of the app's links`);
    check(!/@(here|channel|everyone)/i.test(text), `${where}: a broadcast`);
    check(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text), `${where}: a split surrogate pair`);
  };
  check(message.text.length <= LIMITS.fallback, "fallback text too long");
  mrkdwn(message.text, LIMITS.fallback, "fallback");
  check(message.blocks.length <= LIMITS.blocks, `${message.blocks.length} blocks`);
  message.blocks.forEach((block, i) => {
    const where = `block ${i} (${block.type})`;
    switch (block.type) {
      case "header":
        check(block.text.type === "plain_text" && block.text.text.length <= LIMITS.header && block.text.text.length > 0, `${where}: header text`);
        check(!/@(here|channel|everyone)/i.test(block.text.text), `${where}: a broadcast`);
        break;
      case "section":
        check(Boolean(block.text || block.fields), `${where}: empty`);
        if (block.text) mrkdwn(block.text.text, LIMITS.sectionText, where);
        check((block.fields?.length ?? 0) <= LIMITS.fields, `${where}: too many fields`);
        block.fields?.forEach((field) => mrkdwn(field.text, LIMITS.fieldText, `${where} field`));
        break;
      case "context":
        check(block.elements.length > 0 && block.elements.length <= LIMITS.contextElements, `${where}: elements`);
        block.elements.forEach((element) => mrkdwn(element.text, LIMITS.fieldText, where));
        break;
      case "actions":
        for (const element of block.elements) {
          check(element.text.text.length <= LIMITS.buttonText, `${where}: button text`);
          check((element.url.length <= LIMITS.url && element.url.startsWith(`${BASE}/`)) || element.url === BASE, `${where}: button url`);
        }
        break;
      case "divider":
        break;
    }
  });
  return broken;
}

describe("the Slack message of every event, with hostile text everywhere", () => {
  it.each([...WEBHOOK_EVENT_TYPES, TEST_EVENT_TYPE])("%s keeps within Block Kit's limits and lets no typed text become a mention or a link", (type) => {
    const data = HOSTILE_DATA[type as keyof typeof HOSTILE_DATA];
    const message = renderSlackMessage(event(type), data);
    expect(limitBreaches(message)).toEqual([]);
    expect(message.blocks[0]?.type).toBe("header");
    const body = renderBody("slack", event(type), data);
    expect(JSON.parse(body)).toEqual(message);
  });

  it("summarises long lists with how many were left out", () => {
    const prepared = JSON.stringify(renderSlackMessage(event("review.prepared"), HOSTILE_DATA["review.prepared"]));
    expect(prepared).toMatch(/…and \d+ more/);
    const due = renderSlackMessage(event("action_items.due"), HOSTILE_DATA["action_items.due"]);
    expect(JSON.stringify(due)).toContain("…and 20 more people");
    const digest = JSON.stringify(renderSlackMessage(event("review.digest"), HOSTILE_DATA["review.digest"]));
    // The deep dives that did not fit, and the week's Sev1s beyond the deep dives (190).
    const moreSev1 = Number(/…and (\d+) more Sev1s this week/.exec(digest)?.[1]);
    expect(moreSev1).toBeGreaterThan(190);
    expect(moreSev1).toBeLessThan(390);
  });

  it("says a running week is the week so far, and what it is compared with", () => {
    const digest = JSON.stringify(renderSlackMessage(event("review.digest"), HOSTILE_DATA["review.digest"]));
    expect(digest).toContain("The week is still running: figures so far, up to Thu 5 Mar 2026, 12:00 UTC");
    expect(digest).toContain("Compared with the mean of the 4 weeks before, to the same time.");
    const data = HOSTILE_DATA["review.digest"];
    const alone = JSON.stringify(renderSlackMessage(event("review.digest"), { ...data, figures: { ...data.figures, baseline: null } }));
    expect(alone).toContain("Not compared");
    expect(alone).not.toMatch(/_vs /);
  });

  it("shows values in words and dates readably", () => {
    const message = JSON.stringify(renderSlackMessage(event("incident.mitigated"), HOSTILE_DATA["incident.mitigated"]));
    expect(message).toContain("Single service");
    expect(message).toContain("Code change");
    expect(message).toContain("Mon 2 Mar 2026, 11:00 UTC");
    expect(message).not.toMatch(/SINGLE_SERVICE|CODE_CHANGE/);
  });

  it.each([...WEBHOOK_EVENT_TYPES, TEST_EVENT_TYPE])("%s as JSON: valid, with the event's id, type, time and data", (type) => {
    const body = renderJsonBody(event(type), HOSTILE_DATA[type as keyof typeof HOSTILE_DATA]);
    expect(JSON.parse(body)).toEqual({
      id: event(type).id,
      type,
      occurredAt: "2026-03-12T09:00:00.000Z",
      data: JSON.parse(JSON.stringify(HOSTILE_DATA[type as keyof typeof HOSTILE_DATA])),
    });
  });
});

describe("cutting and escaping", () => {
  it("escapes &, < and > and defuses broadcasts", () => {
    expect(escapeMrkdwn("<!channel> & <https://evil.example|click> @here")).toBe("&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt; @\u2060here");
  });

  it("cuts at a character boundary, never inside an escape, with an ellipsis", () => {
    expect(cut("ab𝒳cd", 4)).toBe("ab…");
    expect(cut("a&amp;b", 6)).toBe("a…");
    expect(cut("short", 10)).toBe("short");
    const long = cut(escapeMrkdwn(HOSTILE), 3000);
    expect(long.length).toBeLessThanOrEqual(3000);
    expect(long.endsWith("…")).toBe(true);
  });
});
