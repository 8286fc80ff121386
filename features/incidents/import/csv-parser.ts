// A streaming RFC 4180 reader: quoted fields (commas, doubled quotes and line breaks inside),
// CRLF or LF line ends, a UTF-8 byte order mark. It holds one record at a time, never the
// file, so a 100 000-row import costs the memory of its longest row.

/** One record: the file line it starts on (the header is line 1) and its cells. */
export type CsvRecord = { line: number; cells: string[] };

/** A file that is not CSV from `line` on; nothing after it can be read. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
    /** The 0-based position of the cell in its record, when the error is in one. */
    readonly cell: number | null = null,
  ) {
    super(message);
  }
}

/** The longest cell read; the longest text an incident holds is 20 000 characters. */
export const MAX_CELL_CHARACTERS = 100_000;

type State = "start" | "unquoted" | "quoted" | "quote-in-quoted";

/** Text chunks to records; a record is yielded once its line end (or the end of the file) is read. */
export class CsvRecordReader {
  private state: State = "start";
  private cell = "";
  private cells: string[] = [];
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;
  private afterCr = false;

  /** The line being read. */
  get currentLine() {
    return this.line;
  }

  /** The records `text` completes. */
  push(text: string): CsvRecord[] {
    const records: CsvRecord[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (this.afterCr) {
        this.afterCr = false;
        if (c === "\n") continue; // the LF of a CRLF already counted
      }
      switch (this.state) {
        case "quoted": {
          const end = text.indexOf('"', i);
          const run = end === -1 ? text.slice(i) : text.slice(i, end);
          this.countLines(run);
          this.append(run);
          if (end === -1) i = text.length;
          else {
            i = end;
            this.state = "quote-in-quoted";
          }
          break;
        }
        case "quote-in-quoted":
          if (c === '"') {
            this.append('"');
            this.quotedCr = false;
            this.state = "quoted";
          } else if (c === ",") this.endCell();
          else if (c === "\r" || c === "\n") this.endRecord(c, records);
          else
            throw new CsvSyntaxError(
              this.line,
              `a quoted cell must end with its closing quote; found ${JSON.stringify(c)} after it (write a quote inside a quoted cell as "")`,
              this.cells.length,
            );
          break;
        case "start":
          if (c === '"') {
            this.state = "quoted";
            this.quotedCr = false;
            this.quoteLine = this.line;
            break;
          }
        // falls through: the cell is unquoted
        case "unquoted":
          if (c === ",") this.endCell();
          else if (c === "\r" || c === "\n") this.endRecord(c, records);
          else {
            let end = i;
            while (end < text.length && text[end] !== "," && text[end] !== "\r" && text[end] !== "\n") end++;
            this.append(text.slice(i, end));
            this.state = "unquoted";
            i = end - 1;
          }
          break;
      }
    }
    return records;
  }

  /** The last record, when the file does not end with a line end; an open quote is an error. */
  end(): CsvRecord[] {
    if (this.state === "quoted") throw new CsvSyntaxError(this.quoteLine, "a quoted cell is never closed: its closing quote is missing", this.cells.length);
    if (this.state === "start" && this.cells.length === 0) return [];
    const records: CsvRecord[] = [];
    this.endRecord("", records);
    return records;
  }

  private append(text: string) {
    this.cell += text;
    if (this.cell.length > MAX_CELL_CHARACTERS) {
      throw new CsvSyntaxError(
        this.state === "quoted" ? this.quoteLine : this.line,
        `a cell is longer than ${MAX_CELL_CHARACTERS} characters`,
        this.cells.length,
      );
    }
  }

  /** Line ends inside a quoted cell: CRLF, LF and a lone CR each count once, even split between chunks. */
  private countLines(run: string) {
    for (let i = 0; i < run.length; i++) {
      const c = run[i];
      const previous = i > 0 ? run[i - 1] : this.quotedCr ? "\r" : "";
      if (c === "\r" || (c === "\n" && previous !== "\r")) this.line++;
    }
    if (run.length > 0) this.quotedCr = run.endsWith("\r");
  }

  private quotedCr = false;

  private endCell() {
    this.cells.push(this.cell);
    this.cell = "";
    this.state = "start";
  }

  private endRecord(lineEnd: string, records: CsvRecord[]) {
    const blank = this.cells.length === 0 && this.cell === "" && this.state === "start";
    this.endCell();
    if (!blank) records.push({ line: this.recordLine, cells: this.cells });
    this.cells = [];
    if (lineEnd !== "") this.line++;
    this.afterCr = lineEnd === "\r";
    this.recordLine = this.line;
  }
}

/**
 * The records of a UTF-8 CSV stream, one at a time, as the stream delivers its bytes. A byte
 * order mark is dropped; bytes that are not UTF-8 are a CsvSyntaxError on the line they are on.
 * Stopping early cancels the stream.
 */
export async function* readCsvRecords(stream: ReadableStream<Uint8Array>): AsyncGenerator<CsvRecord> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const reader = new CsvRecordReader();
  const bytes = stream.getReader();
  /** The chunk's text; at a byte that is not UTF-8, the records before it and then the error on its line. */
  function* decode(chunk?: Uint8Array): Generator<CsvRecord> {
    let text: string;
    try {
      text = chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      const lenient = chunk ? new TextDecoder().decode(chunk) : "";
      yield* reader.push(lenient.slice(0, Math.max(lenient.indexOf("\uFFFD"), 0)));
      throw new CsvSyntaxError(reader.currentLine, "the file is not UTF-8 text: save it as CSV UTF-8");
    }
    yield* reader.push(text);
  }
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await bytes.read();
      if (done) break;
      yield* decode(value);
    }
    yield* decode();
    yield* reader.end();
    finished = true;
  } finally {
    if (!finished) await bytes.cancel().catch(() => undefined);
    bytes.releaseLock();
  }
}
