import { readPagerDutySettings } from "@/features/pagerduty/reads";
import { savePagerDutySettings } from "@/features/pagerduty/mutations";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { apiRoute, readJson } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

const withVersion = (body: { version: number }, status = 200) => Response.json(body, { status, headers: { etag: `"${body.version}"` } });

/** The version an edit is based on, from If-Match ("3", or 3); none given: the save is unconditional. */
function expectedVersionOf(request: Request): number | undefined {
  const header = request.headers.get("if-match");
  if (header === null) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) throw new ValidationError({ "If-Match": ['must be the version the edit is based on, as the ETag of GET gives it, e.g. "3"'] });
  return Number(match[1]);
}

/** The PagerDuty integration's settings (ADMIN): mappings, how many signing secrets, never a secret. */
export const GET = apiRoute("settings:manage", async () => withVersion(await readPagerDutySettings(db)));

/**
 * Saves the settings (ADMIN): `{ signingSecrets?, services, defaultService?, priorities }`.
 * Leaving out signingSecrets keeps the stored ones. With If-Match, a save based on an older
 * version is refused (409) with the current settings.
 */
export const PUT = apiRoute("settings:manage", async (request, actor) => {
  const expectedVersion = expectedVersionOf(request);
  return withVersion(await savePagerDutySettings(db, actor, await readJson(request), expectedVersion));
});
