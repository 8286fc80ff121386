// Sends one attempt of a delivery: a POST that follows redirects by hand, connects only to
// addresses the guard accepts (checked at connection time, so a name cannot resolve to a
// public address when checked and a private one when used), and ends within the timeout.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { addressRefusal } from "./address-guard";
import { parseRetryAfter } from "./retry";

export type AttemptResult = {
  /** The last answer's status, or null when none came. */
  statusCode: number | null;
  durationMs: number;
  /** Why the attempt failed when no answer says it: a timeout, a network error, a refusal. */
  error: string | null;
  /** The receiver's Retry-After (429 or 503), in ms, at most an hour. */
  retryAfterMs: number | null;
  /** Whether trying again may help: timeouts, network errors, 5xx and 429. */
  retryable: boolean;
};

export type WebhookRequest = { url: string; body: string; headers: Record<string, string> };

export type SendOptions = {
  timeoutMs: number;
  allowPrivateNetworks: boolean;
  /** Redirects followed before giving up (default 3). */
  maxRedirects?: number;
  /** Why an address is refused, or null (default `addressRefusal`). */
  refusal?: (address: string) => string | null;
};

/** The most of an answer read; the rest is dropped with the connection. */
const MAX_ANSWER_BYTES = 64 * 1024;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

class RefusedAddress extends Error {}

type Hop = { statusCode: number; location: string | undefined; retryAfter: string | undefined };

/** A DNS lookup that fails when any address of the name is refused, and else hands them all on. */
function guardedLookup(refusal: (address: string) => string | null): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family, hints: options.hints }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      for (const { address } of addresses) {
        const reason = refusal(address);
        if (reason !== null) return callback(new RefusedAddress(`${hostname} resolves to ${address}: ${reason}`), "", 0);
      }
      const [first] = addresses;
      if (first === undefined) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "", 0);
      if (options.all) return callback(null, addresses);
      return callback(null, first.address, first.family);
    });
  };
}

function sendOnce(url: URL, request: WebhookRequest, signal: AbortSignal, lookup: LookupFunction | undefined): Promise<Hop> {
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<Hop>((resolve, reject) => {
    const outgoing = send(url, {
      method: "POST",
      headers: { ...request.headers, "Content-Length": String(Buffer.byteLength(request.body)) },
      signal,
      agent: false,
      ...(lookup ? { lookup } : {}),
    });
    outgoing.on("error", reject);
    outgoing.on("response", (answer: IncomingMessage) => {
      const hop: Hop = {
        statusCode: answer.statusCode ?? 0,
        location: answer.headers.location,
        retryAfter: typeof answer.headers["retry-after"] === "string" ? answer.headers["retry-after"] : undefined,
      };
      let read = 0;
      answer.on("data", (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_ANSWER_BYTES) {
          resolve(hop);
          answer.destroy();
        }
      });
      answer.on("end", () => resolve(hop));
      // A receiver that answered and then dropped the connection still answered, unless time ran out.
      const settle = (error: Error) => (signal.aborted ? reject(error) : resolve(hop));
      answer.on("error", settle);
      answer.on("close", () => settle(new Error("The answer ended early")));
    });
    outgoing.end(request.body);
  });
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

function networkErrorText(error: unknown, url: URL): string {
  const code = (error as NodeJS.ErrnoException).code;
  const host = url.host;
  switch (code) {
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Could not resolve ${url.hostname}`;
    case "ECONNREFUSED":
      return `Connection refused by ${host}`;
    case "ECONNRESET":
      return `Connection reset by ${host}`;
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return `${host} is unreachable`;
    default:
      return `Could not reach ${host}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * Sends `request` once (following up to `maxRedirects` redirects, re-POSTing the same body) and
 * says how it went. Never throws: every failure is in the result.
 */
export async function sendWebhookRequest(request: WebhookRequest, options: SendOptions): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const refusal = options.allowPrivateNetworks ? null : (options.refusal ?? addressRefusal);
  const lookup = refusal ? guardedLookup(refusal) : undefined;
  const maxRedirects = options.maxRedirects ?? 3;
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), options.timeoutMs);
  const fail = (error: string, retryable: boolean, statusCode: number | null = null): AttemptResult => ({
    statusCode,
    durationMs: elapsed(),
    error,
    retryAfterMs: null,
    retryable,
  });
  try {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return fail(`Not a valid URL: ${request.url}`, false);
    }
    for (let hop = 0; ; hop += 1) {
      const prefix = hop === 0 ? "Not sent" : `Redirect to ${url.href} not followed`;
      if (url.protocol !== "http:" && url.protocol !== "https:") return fail(`${prefix}: only http and https addresses are allowed`, false);
      const literal = url.hostname.replace(/^\[(.*)\]$/, "$1");
      const reason = refusal && isIP(literal) !== 0 ? refusal(literal) : null;
      if (reason !== null) return fail(`${prefix}: ${reason}`, false);
      let answer: Hop;
      try {
        answer = await sendOnce(url, request, timeout.signal, lookup);
      } catch (error) {
        if (timeout.signal.aborted) return fail(`Timed out after ${seconds(options.timeoutMs)}`, true);
        if (error instanceof RefusedAddress) return fail(`${prefix}: ${error.message}`, false);
        return fail(networkErrorText(error, url), true);
      }
      if (REDIRECTS.has(answer.statusCode) && answer.location !== undefined) {
        if (hop >= maxRedirects) return fail(`Too many redirects (more than ${maxRedirects})`, false, answer.statusCode);
        try {
          url = new URL(answer.location, url);
        } catch {
          return fail(`Redirected to an invalid address: ${answer.location}`, false, answer.statusCode);
        }
        continue;
      }
      const status = answer.statusCode;
      const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(answer.retryAfter, new Date()) : null;
      return { statusCode: status, durationMs: elapsed(), error: null, retryAfterMs, retryable: status >= 500 || status === 429 };
    }
  } finally {
    clearTimeout(timer);
  }
}
