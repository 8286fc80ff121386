import { ValidationError } from "@/lib/errors";
import { problem } from "@/lib/http/problem";

/** The version an edit is based on, from If-Match ("3", W/"3" or 3); null when the header is missing. */
export function ifMatchVersion(request: Request): number | null {
  const header = request.headers.get("if-match");
  if (header === null) return null;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) throw new ValidationError({ "If-Match": ['must be the version the edit is based on, as the ETag of GET gives it, e.g. "3"'] });
  return Number(match[1]);
}

/** 428: an edit of a webhook must say which version it is based on. */
export const ifMatchRequired = () =>
  problem(
    428,
    "Precondition Required",
    'Send If-Match with the webhook\'s ETag (from GET), e.g. If-Match: "3", so that an edit never overwrites one made since.',
  );

/** A JSON answer carrying the record's version as its ETag. */
export const withVersion = (body: { version: number }, status = 200) => Response.json(body, { status, headers: { etag: `"${body.version}"` } });
