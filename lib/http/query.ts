// The raw query string and path segments of a request, checked before any parser sees them:
// URLSearchParams turns a malformed percent-encoding into U+FFFD without a word, and a path
// segment reaches the database as the client wrote it. Also the one reading of a list's
// parameters into values, for the incident and change lists alike.
import { ValidationError } from "@/lib/errors";
import { addFieldError, type FieldErrors } from "@/lib/validation";

const MALFORMED = "was not understood: its percent-encoding is malformed (each % must start a valid UTF-8 sequence such as %C3%A9)";

function decodes(text: string): boolean {
  try {
    decodeURIComponent(text.replaceAll("+", " "));
    return true;
  } catch {
    return false;
  }
}

/** Each parameter of `url`'s query string whose name or value is not valid percent-encoded UTF-8, by name. */
export function malformedParameters(url: string): FieldErrors {
  const errors: FieldErrors = {};
  const start = url.indexOf("?");
  if (start === -1) return errors;
  const end = url.indexOf("#", start);
  const query = url.slice(start + 1, end === -1 ? undefined : end);
  for (const pair of query.split("&")) {
    if (pair === "") continue;
    const equals = pair.indexOf("=");
    const rawName = equals === -1 ? pair : pair.slice(0, equals);
    const rawValue = equals === -1 ? "" : pair.slice(equals + 1);
    if (!decodes(rawName)) addFieldError(errors, rawName, MALFORMED);
    else if (!decodes(rawValue)) addFieldError(errors, decodeURIComponent(rawName.replaceAll("+", " ")), MALFORMED);
  }
  return errors;
}

/** The request's query parameters; a malformed percent-encoding is a 400 naming the parameter. */
export function searchParamsOf(request: Request): URLSearchParams {
  const errors = malformedParameters(request.url);
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return new URL(request.url).searchParams;
}

export const MAX_PATH_PARAMETER_LENGTH = 100;
const UNSTORABLE = /[\u0000\uFFFD]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A path segment used as a key (an id, a reference): at most 100 characters of storable text, else a 400 naming `name`. */
export function pathParameter(name: string, value: string): string {
  if (value.length === 0 || value.length > MAX_PATH_PARAMETER_LENGTH)
    throw new ValidationError({ [name]: [`must be 1 to ${MAX_PATH_PARAMETER_LENGTH} characters`] });
  if (UNSTORABLE.test(value))
    throw new ValidationError({ [name]: ["contains a character that is not allowed (a NUL byte, U+FFFD or a broken surrogate pair)"] });
  return value;
}

/** Query parameters as a page (Next's searchParams) or a route handler (URLSearchParams) has them. */
export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

/**
 * Every parameter as its list of non-empty values: "a,b" and repeated keys both give lists,
 * blanks (as a GET form sends for an unused field) are dropped. The parameters in `whole`
 * (free text such as a search) are kept as typed, commas and all.
 */
export function listParameterValues(input: SearchParamsInput, whole: readonly string[] = []): Map<string, string[]> {
  const entries =
    input instanceof URLSearchParams
      ? [...input.entries()]
      : Object.entries(input).flatMap(([k, v]) => (v === undefined ? [] : [v].flat().map((x) => [k, x] as const)));
  const values = new Map<string, string[]>();
  for (const [key, raw] of entries) {
    const parts = (whole.includes(key) ? [raw.trim()] : raw.split(",").map((p) => p.trim())).filter(Boolean);
    if (parts.length > 0) values.set(key, [...(values.get(key) ?? []), ...parts]);
  }
  return values;
}
