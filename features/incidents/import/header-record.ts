// The browser reads only the start of an uploaded file to show its columns before anything is
// sent: the first record of RFC 4180 CSV, with quoted fields that may hold commas, doubled
// quotes and line breaks, after an optional UTF-8 byte order mark.

/** How much of the file the browser reads to find its header record. */
export const HEADER_READ_BYTES = 64 * 1024;

export type HeaderRecord = { headers: string[] } | { problem: string };

/**
 * The fields of the first record of `text`. `whole` says whether `text` is the whole file: if
 * not, a record still open at its end (no line break yet, or a quote not closed) is too long.
 */
export function readHeaderRecord(text: string, whole: boolean): HeaderRecord {
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (quoted) {
      if (char !== '"') field += char;
      else if (source[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (char === '"' && field === "") quoted = true;
    else if (char === ",") {
      fields.push(field);
      field = "";
    } else if (char === "\r" || char === "\n") {
      fields.push(field);
      return headersOf(fields);
    } else field += char;
  }
  if (!whole) return { problem: `The first line is longer than ${HEADER_READ_BYTES / 1024} KB: is this a CSV file?` };
  if (quoted) return { problem: "The first line opens a quoted field that never closes." };
  fields.push(field);
  return headersOf(fields);
}

function headersOf(fields: string[]): HeaderRecord {
  if (fields.every((field) => field.trim() === "")) return { problem: "The file has no header line: its first line names no columns." };
  return { headers: fields };
}

/** The header record of a file the user picked, reading no more than its first 64 KB. */
export async function readFileHeaders(file: Blob): Promise<HeaderRecord> {
  let text: string;
  try {
    text = await file.slice(0, HEADER_READ_BYTES).text();
  } catch {
    return { problem: "The file could not be read. Choose it again." };
  }
  return readHeaderRecord(text, file.size <= HEADER_READ_BYTES);
}
