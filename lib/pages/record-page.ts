// What the edit pages of records named by a slug share: a title naming the slug, and the record or a 404.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/guards";

export type SlugParams = Promise<{ slug: string }>;

/** generateMetadata of a page under /<records>/[slug]: `${title} ${slug}`. */
export const titleWithSlug =
  (title: string) =>
  async ({ params }: { params: SlugParams }): Promise<Metadata> => ({ title: `${title} ${(await params).slug}` });

/** The record the slug names, for a user who may manage the catalogue; a 404 when there is none. */
export async function editableOrNotFound<T>(params: SlugParams, read: (slug: string) => Promise<T | null>): Promise<T> {
  await requirePageActor("service:manage");
  const record = await read((await params).slug);
  if (!record) notFound();
  return record;
}
