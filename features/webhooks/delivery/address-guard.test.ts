import { describe, expect, it } from "vitest";
import { addressRefusal, checkWebhookUrl } from "./address-guard";

describe("addressRefusal", () => {
  it.each([
    ["0.1.2.3", "0.1.2.3 is a reserved (this network) address"],
    ["10.0.0.1", "10.0.0.1 is a private address"],
    ["100.64.0.1", "100.64.0.1 is a shared (carrier-grade NAT) address"],
    ["127.0.0.1", "127.0.0.1 is a loopback address"],
    ["127.255.0.9", "127.255.0.9 is a loopback address"],
    ["169.254.169.254", "169.254.169.254 is a link-local address"],
    ["172.16.0.1", "172.16.0.1 is a private address"],
    ["172.31.255.255", "172.31.255.255 is a private address"],
    ["192.0.0.8", "192.0.0.8 is a reserved (protocol assignments) address"],
    ["192.168.1.1", "192.168.1.1 is a private address"],
    ["198.19.255.1", "198.19.255.1 is a reserved (benchmarking) address"],
    ["224.0.0.251", "224.0.0.251 is a multicast address"],
    ["240.1.2.3", "240.1.2.3 is a reserved address"],
    ["255.255.255.255", "255.255.255.255 is the broadcast address"],
    ["::", ":: is the unspecified address"],
    ["::1", "::1 is a loopback address"],
    ["[::1]", "::1 is a loopback address"],
    ["fd12:3456::1", "fd12:3456::1 is a private (unique local) address"],
    ["fe80::1%eth0", "fe80::1 is a link-local address"],
    ["ff02::1", "ff02::1 is a multicast address"],
    ["::ffff:127.0.0.1", "::ffff:127.0.0.1 is a loopback address (127.0.0.1)"],
    ["::ffff:a9fe:a9fe", "::ffff:a9fe:a9fe is a link-local address (169.254.169.254)"],
    ["0:0:0:0:0:ffff:10.0.0.1", "0:0:0:0:0:ffff:10.0.0.1 is a private address (10.0.0.1)"],
    ["example.com", "example.com is not an IP address"],
  ])("refuses %s", (address, reason) => {
    expect(addressRefusal(address)).toBe(reason);
  });

  it.each(["8.8.8.8", "93.184.216.34", "172.32.0.1", "100.128.0.1", "198.20.0.1", "11.0.0.1", "2606:4700::1111", "::ffff:8.8.8.8"])(
    "accepts the public address %s",
    (address) => {
      expect(addressRefusal(address)).toBeNull();
    },
  );
});

describe("checkWebhookUrl", () => {
  const strict = { allowPrivateNetworks: false };

  it.each([
    ["not a url", "Enter a full URL, starting with https:// or http://."],
    ["/hooks/relative", "Enter a full URL, starting with https:// or http://."],
    ["ftp://example.com/hook", "The URL must start with https:// or http://."],
    ["file:///etc/passwd", "The URL must start with https:// or http://."],
    ["https://user:secret@example.com/hook", "The URL may not contain a user name or password."],
    [`https://example.com/${"a".repeat(2000)}`, "The URL may be at most 2000 characters long."],
    ["http://127.0.0.1:8080/hook", "Webhooks may not be sent to private or internal addresses: 127.0.0.1 is a loopback address."],
    ["http://169.254.169.254/latest/meta-data", "Webhooks may not be sent to private or internal addresses: 169.254.169.254 is a link-local address."],
    ["http://[::1]/", "Webhooks may not be sent to private or internal addresses: ::1 is a loopback address."],
    ["http://[::ffff:10.0.0.1]/", "Webhooks may not be sent to private or internal addresses: ::ffff:a00:1 is a private address (10.0.0.1)."],
    [
      "http://localhost:3000/hook",
      "Webhooks may not be sent to private or internal addresses: localhost resolves to 127.0.0.1, and 127.0.0.1 is a loopback address.",
    ],
  ])("refuses %s", async (url, message) => {
    expect(await checkWebhookUrl(url, strict)).toBe(message);
  });

  it("accepts public addresses, and a name that does not resolve (its deliveries will say so)", async () => {
    expect(await checkWebhookUrl("https://93.184.216.34/hook", strict)).toBeNull();
    expect(await checkWebhookUrl("https://hooks.example.invalid/services/T0/B0", strict)).toBeNull();
  });

  it("accepts private addresses when private networks are allowed, and still checks the rest", async () => {
    const open = { allowPrivateNetworks: true };
    expect(await checkWebhookUrl("http://127.0.0.1:8080/hook", open)).toBeNull();
    expect(await checkWebhookUrl("http://localhost:3000/hook", open)).toBeNull();
    expect(await checkWebhookUrl("ftp://127.0.0.1/", open)).toBe("The URL must start with https:// or http://.");
  });
});
