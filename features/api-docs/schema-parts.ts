// Pieces the response schemas of the API document share.

export const nullable = (type: string) => ({ type: [type, "null"] });

export const durationStats = { type: "object", properties: { median: nullable("number"), p90: nullable("number") }, required: ["median", "p90"] };

/** The ISO week and its Monday, as every weekly series names its entries. */
export const weekFields = { week: { type: "string", examples: ["2026-W10"] }, start: { type: "string", format: "date" } };
