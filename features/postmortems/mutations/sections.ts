import type { Actor } from "@/lib/auth/actor";
import { assertMay } from "@/lib/auth/assert-may";
import type { Database } from "@/lib/db/client";
import { normaliseNewlines, POSTMORTEM_SECTIONS, sameSections } from "@/lib/domain/postmortem-enums";
import { saveSectionsSchema } from "../schemas";
import { sectionsOf } from "../state";
import { changePostmortem, parseInput, type PostmortemChangeResult } from "./postmortem-change";

/**
 * Saves the written sections. A save based on an old version is refused, unless the editor
 * says which text it started from and that text is still what is stored: then only the
 * timeline, five whys or state moved on meanwhile, and nobody's words are overwritten.
 */
export async function savePostmortemSections(db: Database, rawInput: unknown, actor: Actor): Promise<PostmortemChangeResult> {
  assertMay(actor, "postmortem:edit", "edit postmortems");
  const input = parseInput(saveSectionsSchema, rawInput);
  const isStale = input.base ? (row: Parameters<typeof sectionsOf>[0]) => !sameSections(sectionsOf(row), input.base!) : undefined;
  return changePostmortem(db, input, actor, { content: true, isStale }, async (_tx, row) => {
    const before = sectionsOf(row);
    const changes = Object.fromEntries(
      POSTMORTEM_SECTIONS.filter((s) => normaliseNewlines(before[s]) !== input.sections[s]).map((s) => [s, { from: before[s], to: input.sections[s] }]),
    );
    if (Object.keys(changes).length === 0) return { audit: null };
    return { data: input.sections, audit: { action: "postmortem.update", changes } };
  });
}
