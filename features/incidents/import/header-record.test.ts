import { describe, expect, it } from "vitest";
import { HEADER_READ_BYTES, readFileHeaders, readHeaderRecord } from "./header-record";

describe("readHeaderRecord", () => {
  it("splits the first line at commas and ignores what follows, with CRLF or LF", () => {
    expect(readHeaderRecord("Incident Number,Title,Urgency\r\n1,Down,high\r\n", true)).toEqual({ headers: ["Incident Number", "Title", "Urgency"] });
    expect(readHeaderRecord("a,b\n1,2\n", true)).toEqual({ headers: ["a", "b"] });
  });

  it("honours quotes: commas, doubled quotes and line breaks inside a quoted header", () => {
    expect(readHeaderRecord('"Service, name","Say ""hi""","two\r\nlines",last\r\nx,y,z,w', true)).toEqual({
      headers: ["Service, name", 'Say "hi"', "two\r\nlines", "last"],
    });
  });

  it("drops a UTF-8 byte order mark and keeps empty headers as empty columns", () => {
    expect(readHeaderRecord("\uFEFFreference,,title", true)).toEqual({ headers: ["reference", "", "title"] });
  });

  it("takes the end of a whole file as the end of its only line", () => {
    expect(readHeaderRecord("reference,title", true)).toEqual({ headers: ["reference", "title"] });
  });

  it("says so when the first line does not end within what was read, or is not CSV", () => {
    expect(readHeaderRecord("a,b,c", false)).toEqual({ problem: expect.stringContaining("longer than 64 KB") });
    expect(readHeaderRecord('a,"b\n', false)).toEqual({ problem: expect.stringContaining("longer than 64 KB") });
    expect(readHeaderRecord('a,"b\n', true)).toEqual({ problem: expect.stringMatching(/^The first line is not CSV: a quoted cell is never closed/) });
    expect(readHeaderRecord('a,"b"c\n', true)).toEqual({ problem: expect.stringMatching(/^The first line is not CSV: a quoted cell must end/) });
  });

  it("refuses an empty file or a first line that names nothing", () => {
    expect(readHeaderRecord("", true)).toEqual({ problem: expect.stringContaining("The file is empty") });
    expect(readHeaderRecord("\r\n\r\n", true)).toEqual({ problem: expect.stringContaining("The file is empty") });
    expect(readHeaderRecord(",\r\n1,2", true)).toEqual({ problem: expect.stringContaining("names no columns") });
  });
});

describe("readFileHeaders", () => {
  it("reads only the file's first 64 KB", async () => {
    const header = "reference,title\n";
    const file = new Blob([header, "x".repeat(HEADER_READ_BYTES * 2)]);
    expect(await readFileHeaders(file)).toEqual({ headers: ["reference", "title"] });
    expect(await readFileHeaders(new Blob(["y".repeat(HEADER_READ_BYTES + 10)]))).toEqual({ problem: expect.stringContaining("64 KB") });
    expect(await readFileHeaders(new Blob(["\uFEFFreference,title\r\n"]))).toEqual({ headers: ["reference", "title"] });
  });
});
