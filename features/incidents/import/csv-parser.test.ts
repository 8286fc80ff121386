import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvLine } from "@/features/incidents/list/csv";
import { CsvSyntaxError, readCsvRecords, type CsvRecord } from "./csv-parser";

/** The bytes of `text` as a stream, cut at the given byte offsets. */
function streamOf(bytes: Uint8Array, cuts: number[] = []): ReadableStream<Uint8Array> {
  const points = [...new Set(cuts.map((c) => Math.min(Math.max(c, 0), bytes.length)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    chunks.push(bytes.slice(from, point));
    from = point;
  }
  return new ReadableStream({
    pull(controller) {
      const next = chunks.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
}

async function parse(text: string | Uint8Array, cuts: number[] = []): Promise<CsvRecord[]> {
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  const records: CsvRecord[] = [];
  for await (const record of readCsvRecords(streamOf(bytes, cuts))) records.push(record);
  return records;
}

/** RFC 4180 without the export's formula prefix: the serialiser the property runs against. */
const serialise = (rows: string[][], lineEnd: string) =>
  rows.map((cells) => cells.map((c) => (/[",\r\n\uFEFF]/.test(c) || c === "" ? `"${c.replaceAll('"', '""')}"` : c)).join(",") + lineEnd).join("");

describe("readCsvRecords", () => {
  it.each([
    [
      "LF",
      "a,b\n1,2\n",
      [
        { line: 1, cells: ["a", "b"] },
        { line: 2, cells: ["1", "2"] },
      ],
    ],
    [
      "CRLF",
      "a,b\r\n1,2\r\n",
      [
        { line: 1, cells: ["a", "b"] },
        { line: 2, cells: ["1", "2"] },
      ],
    ],
    [
      "no final line end",
      "a,b\r\n1,2",
      [
        { line: 1, cells: ["a", "b"] },
        { line: 2, cells: ["1", "2"] },
      ],
    ],
    [
      "a byte order mark",
      "\uFEFFa,b\n1,2\n",
      [
        { line: 1, cells: ["a", "b"] },
        { line: 2, cells: ["1", "2"] },
      ],
    ],
    [
      "empty cells",
      ",\n,x,\n",
      [
        { line: 1, cells: ["", ""] },
        { line: 2, cells: ["", "x", ""] },
      ],
    ],
    [
      "blank lines are skipped",
      "a\n\n\r\nb\n",
      [
        { line: 1, cells: ["a"] },
        { line: 4, cells: ["b"] },
      ],
    ],
    [
      "commas, quotes and line ends in quotes",
      'a,"b,""c""\r\nd"\n"e\nf\rg",h\n',
      [
        { line: 1, cells: ["a", 'b,"c"\r\nd'] },
        { line: 3, cells: ["e\nf\rg", "h"] },
      ],
    ],
    ["a quoted empty cell is a record", '""\n', [{ line: 1, cells: [""] }]],
    ["a quote inside an unquoted cell is kept", 'a"b,c\n', [{ line: 1, cells: ['a"b', "c"] }]],
  ])("reads %s", async (_name, text, records) => {
    expect(await parse(text)).toEqual(records);
  });

  it("names the line where an unclosed quote opened", async () => {
    const error = await parse('a,b\n1,"open\n2,3\n4,5\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect(error).toMatchObject({ line: 2, message: expect.stringContaining("never closed") });
  });

  it("refuses text after a closing quote, on its line", async () => {
    await expect(parse('a\n"x\ny"z,1\n')).rejects.toMatchObject({ line: 3, message: expect.stringContaining("closing quote") });
  });

  it("refuses bytes that are not UTF-8, on their line", async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode("a\nb,"), 0xff, 0x0a]);
    await expect(parse(bytes)).rejects.toMatchObject({ line: 2, message: expect.stringContaining("UTF-8") });
  });

  it("reads the export's own lines back", async () => {
    const cells = ["INC-2026-0001", 'say "hi", then\r\nleave', "=1+1", ""];
    expect(await parse(csvLine(cells))).toEqual([{ line: 1, cells: ["INC-2026-0001", 'say "hi", then\r\nleave', "'=1+1", ""] }]);
  });

  it("reads back any cells, whatever the line end and wherever the chunks are cut", async () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "é", "😀", ",", '"', "\r", "\n", " ", "\uFEFF"), maxLength: 12 });
    const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(rows, fc.constantFrom("\r\n", "\n"), fc.array(fc.nat(400), { maxLength: 10 }), async (cells, lineEnd, cuts) => {
        const text = serialise(cells, lineEnd);
        const records = await parse(text, cuts);
        expect(records.map((r) => r.cells)).toEqual(cells);
        // Each record starts on the line after the line ends before it.
        let line = 1;
        records.forEach((record, index) => {
          expect(record.line).toBe(line);
          line += 1 + cells[index]!.join(",").replaceAll("\r\n", "\n").replaceAll("\r", "\n").split("\n").length - 1;
        });
      }),
      { numRuns: 300 },
    );
  });
});
