import { describe, expect, it } from "vitest";
import { webhookUrlOf } from "./webhook-url";

describe("the webhook address shown to the admin", () => {
  it("is the request's own host", () => {
    expect(webhookUrlOf({ host: "localhost:3000", forwardedProto: null })).toBe("http://localhost:3000/api/v1/integrations/pagerduty/webhook");
    expect(webhookUrlOf({ host: "ops.example.com", forwardedProto: null })).toBe("https://ops.example.com/api/v1/integrations/pagerduty/webhook");
  });

  it("behind a proxy, takes the first forwarded host and scheme", () => {
    expect(webhookUrlOf({ host: "10.0.0.4:3000", forwardedProto: "https, http", forwardedHost: "ops.example.com, inner" })).toBe(
      "https://ops.example.com/api/v1/integrations/pagerduty/webhook",
    );
  });

  it("ignores a forwarded scheme that is neither http nor https", () => {
    expect(webhookUrlOf({ host: "ops.example.com", forwardedProto: "javascript" })).toBe("https://ops.example.com/api/v1/integrations/pagerduty/webhook");
  });
});
