export type ServiceResponse = {
  id: string;
  slug: string;
  name: string;
  team: { slug: string; name: string };
  /** Availability target as a fraction: 0.999 is 99.9 %. */
  sloTarget: number;
  /** When it was retired; null while in service. */
  retiredAt: string | null;
  version: number;
  createdAt: string;
};

export const serviceResponseSelect = {
  id: true,
  slug: true,
  name: true,
  sloTarget: true,
  retiredAt: true,
  version: true,
  createdAt: true,
  team: { select: { slug: true, name: true } },
} as const;

type ServiceRow = Omit<ServiceResponse, "retiredAt" | "createdAt"> & { retiredAt: Date | null; createdAt: Date };

/** What leaves the server about a service. */
export const toServiceResponse = (row: ServiceRow): ServiceResponse => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  team: { slug: row.team.slug, name: row.team.name },
  sloTarget: row.sloTarget,
  retiredAt: row.retiredAt?.toISOString() ?? null,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
});
