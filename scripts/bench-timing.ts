/** Wall time of `run` in milliseconds: the median of `times` runs after 3 warm-ups. */
export async function medianMs(run: () => Promise<unknown>, times = 7): Promise<number> {
  for (let i = 0; i < 3; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b)[Math.floor(times / 2)] ?? Number.NaN;
}
