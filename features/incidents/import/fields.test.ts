import { describe, expect, it } from "vitest";
import { CSV_HEADER } from "@/features/incidents/list/csv";
import { DERIVED_COLUMNS, guessMapping, IMPORT_FIELD_NAMES } from "./fields";

describe("guessMapping", () => {
  it("maps the export's own headers exactly and ignores its derived columns", () => {
    const headers = CSV_HEADER.trim().split(",");
    const mapping = guessMapping(headers);
    headers.forEach((header, index) => {
      expect(mapping[index]).toBe((DERIVED_COLUMNS as readonly string[]).includes(header) ? null : header);
    });
    expect([...new Set(mapping.filter(Boolean))].sort()).toEqual([...IMPORT_FIELD_NAMES].sort());
  });

  it("maps PagerDuty's incident CSV", () => {
    const headers = [
      "Incident ID",
      "Incident Number",
      "Description",
      "Status",
      "Urgency",
      "Priority",
      "Service Name",
      "Created On",
      "Resolved On",
      "Acknowledged On",
    ];
    expect(guessMapping(headers)).toEqual([null, "reference", "title", "status", "severity", null, "services", "started_at", "resolved_at", "detected_at"]);
    expect(guessMapping(["id", "title", "created_at", "first acknowledged", "urgency", "service_name"])).toEqual([
      "reference",
      "title",
      "started_at",
      "detected_at",
      "severity",
      "services",
    ]);
  });

  it("maps Opsgenie's alert CSV: the message is the title, the description the summary", () => {
    const headers = ["TinyId", "Alias", "Message", "Status", "CreatedAt", "Priority", "Description", "Teams", "Acknowledged time", "Tags"];
    expect(guessMapping(headers)).toEqual([null, "reference", "title", "status", "started_at", "severity", "summary", null, "detected_at", null]);
  });

  it("ignores case, spaces, dashes and underscores, and gives each field one column", () => {
    expect(guessMapping(["  STARTED AT ", "Started-At", "Blast_Radius", "unknown"])).toEqual(["started_at", null, "blast_radius", null]);
  });
});
