// Every event's Slack message keeps within Block Kit's limits and lets no typed text become a
// mention, a broadcast or a link, however hostile; the JSON body stays valid JSON.
import { describe, expect, it } from "vitest";
import { WEBHOOK_EVENT_TYPES, TEST_EVENT_TYPE } from "@/lib/jobs/events";
import { cut, escapeMrkdwn } from "./blocks";
import { renderBody } from "./body";
import { renderJsonBody } from "./json";
import { renderSlackMessage } from "./slack";
import { HOSTILE, HOSTILE_DATA } from "./test-hostile";
import { limitBreaches } from "./test-slack-limits";

const event = (type: string) => ({ id: "00000000-0000-4000-8000-00000000000e", type, subject: {}, occurredAt: new Date("2026-03-12T09:00:00Z") });

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
    expect(digest).toContain("Changes so far: 40 deployed, 2 failed");
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
