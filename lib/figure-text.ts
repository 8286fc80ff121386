// Figures as people read them on pages, tiles and tooltips: durations, availability, counts.
const tenths = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/**
 * A duration as people read it: "95 min" below two hours, "2 h 10 min" up to 48 hours, then
 * "3 d 4 h". The one format of minutes on pages, tiles and tooltips; tables and CSV keep minutes.
 */
export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return "—";
  if (Math.abs(minutes) < 120) return `${tenths.format(minutes)} min`;
  const sign = minutes < 0 ? "−" : "";
  const whole = Math.round(Math.abs(minutes));
  const hours = Math.floor(whole / 60);
  if (hours < 48) return `${sign}${hours} h${whole % 60 ? ` ${whole % 60} min` : ""}`;
  return `${sign}${Math.floor(hours / 24)} d${hours % 24 ? ` ${hours % 24} h` : ""}`;
}

/** Availability with two decimals, "99.87 %"; cut rather than rounded, so impact never shows as 100.00 %. */
export function formatAvailability(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined) return "—";
  return `${(Math.floor(fraction * 10_000 + 1e-6) / 100).toFixed(2)} %`;
}

export const formatCount = (n: number | null | undefined) => (n === null || n === undefined ? "—" : n.toLocaleString("en-US"));
