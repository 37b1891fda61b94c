/** A uniform draw in [0, 1). */
export type Rng = () => number;

/**
 * mulberry32: a tiny, well-distributed 32-bit PRNG; the same seed gives the same sequence. The one seeded
 * generator of the project: the demo data (scripts/demo/), the performance benchmark's data set (bench/lib) and
 * reproducible test spreads all draw from it. Not for secrets.
 */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
