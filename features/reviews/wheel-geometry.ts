/** Geometry of the wheel: segment i spans [i, i + 1) × 360/n degrees clockwise from the top, where the pointer is. */

const PALETTE_SIZE = 10;

export const segmentAngle = (count: number) => 360 / count;

/**
 * The wheel's final rotation (degrees, clockwise) that puts the middle of segment `index`
 * under the pointer after `turns` whole turns on top of where it rests now.
 */
export function landingRotation(index: number, count: number, turns: number, from = 0): number {
  const target = (360 - (index + 0.5) * segmentAngle(count)) % 360;
  const base = Math.ceil(from / 360) * 360;
  return base + turns * 360 + target;
}

/** Which segment sits under the pointer at a rotation. */
export function segmentAtPointer(rotation: number, count: number): number {
  const underPointer = (((360 - rotation) % 360) + 360) % 360;
  return Math.floor(underPointer / segmentAngle(count)) % count;
}

/** A colour slot per segment; neighbours (the last and the first included) never share one. */
export function colourSlot(index: number, count: number): number {
  const slot = index % PALETTE_SIZE;
  const wrapsOntoFirst = index === count - 1 && count > 1 && slot === 0;
  return wrapsOntoFirst ? ((count - 2) % PALETTE_SIZE === 1 ? 2 : 1) : slot;
}

const point = (radius: number, degrees: number, centre: number) => {
  const radians = ((degrees - 90) * Math.PI) / 180;
  return `${(centre + radius * Math.cos(radians)).toFixed(3)} ${(centre + radius * Math.sin(radians)).toFixed(3)}`;
};

/** The SVG path of segment `index` of a wheel of `radius` around (centre, centre). */
export function segmentPath(index: number, count: number, radius: number, centre: number): string {
  if (count === 1) return `M ${centre - radius} ${centre} a ${radius} ${radius} 0 1 0 ${radius * 2} 0 a ${radius} ${radius} 0 1 0 ${-radius * 2} 0`;
  const start = index * segmentAngle(count);
  const end = start + segmentAngle(count);
  const largeArc = end - start > 180 ? 1 : 0;
  return `M ${centre} ${centre} L ${point(radius, start, centre)} A ${radius} ${radius} 0 ${largeArc} 1 ${point(radius, end, centre)} Z`;
}

/** The angle (clockwise from the top) of the middle of a segment, where its label sits. */
export const labelAngle = (index: number, count: number) => (index + 0.5) * segmentAngle(count);
