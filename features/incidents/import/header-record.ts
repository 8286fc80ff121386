// The browser reads only the start of an uploaded file to show its columns before anything is
// sent: the first record, read by the import's own CSV reader (quoted fields with commas,
// doubled quotes and line breaks; an optional UTF-8 byte order mark).
import { CsvRecordReader, CsvSyntaxError } from "./csv-parser";

/** How much of the file the browser reads to find its header record. */
export const HEADER_READ_BYTES = 64 * 1024;

export type HeaderRecord = { headers: string[] } | { problem: string };

/**
 * The cells of the first record of `text`. `whole` says whether `text` is the whole file: if
 * not, a record still open at its end (no line break yet, or a quote not closed) is too long.
 */
export function readHeaderRecord(text: string, whole: boolean): HeaderRecord {
  const reader = new CsvRecordReader();
  try {
    const [first] = reader.push(text.startsWith("\uFEFF") ? text.slice(1) : text);
    if (first) return headersOf(first.cells);
    if (!whole) return { problem: `The first line is longer than ${HEADER_READ_BYTES / 1024} KB: is this a CSV file?` };
    const [last] = reader.end();
    return last ? headersOf(last.cells) : { problem: "The file is empty: its first line must name the columns." };
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { problem: `The first line is not CSV: ${error.message}.` };
    throw error;
  }
}

function headersOf(cells: string[]): HeaderRecord {
  if (cells.every((cell) => cell.trim() === "")) return { problem: "The first line names no columns: it must be the header line." };
  return { headers: cells };
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
