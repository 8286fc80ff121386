// Random inputs shared by the percentile tests.
import fc from "fast-check";

/** A histogram: distinct values from 0 to `max`, ascending, each with a count from 1 to `maxCount`. */
export const countedValues = (options: { max: number; maxLength: number; maxCount: number }) =>
  fc
    .uniqueArray(fc.integer({ min: 0, max: options.max }), { maxLength: options.maxLength })
    .chain((values) =>
      fc.tuple(
        fc.constant([...values].sort((a, b) => a - b)),
        fc.array(fc.integer({ min: 1, max: options.maxCount }), { minLength: values.length, maxLength: values.length }),
      ),
    );

/** The list a histogram counts, spelled out. */
export const spelledOut = (values: number[], counts: number[]) => values.flatMap((v, i) => Array<number>(counts[i]!).fill(v));
