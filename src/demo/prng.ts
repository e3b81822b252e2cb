/**
 * A small seeded pseudo-random number generator (mulberry32) and the sampling helpers the synthetic council
 * generator needs. Same seed, same sequence, on every platform: the generator must never touch Math.random.
 */

export class Rng {
  private state: number;

  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new RangeError(`Seed must be a finite number: ${seed}`);
    // Fold any number (negative, fractional, > 2^32) into a 32-bit state.
    this.state = (Math.trunc(seed) ^ Math.trunc(seed / 4294967296) ^ 0x9e3779b9) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** A new generator seeded from this one: an independent stream for one purpose (e.g. faults). */
  fork(salt: number): Rng {
    return new Rng(Math.floor(this.next() * 4294967296) ^ salt);
  }
}

/** A sampler over weighted values; weights need not sum to 1. */
export class Weighted<T> {
  private readonly values: T[];
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    if (entries.length === 0) throw new RangeError('A weighted choice needs at least one value');
    this.values = entries.map((e) => e[0]);
    let sum = 0;
    this.cumulative = entries.map((e) => {
      if (!(e[1] >= 0)) throw new RangeError(`Weights must be ≥ 0: ${String(e[1])}`);
      return (sum += e[1]);
    });
    this.total = sum;
    if (sum <= 0) throw new RangeError('Weights must not all be 0');
  }

  sample(rng: Rng): T {
    const x = rng.next() * this.total;
    const c = this.cumulative;
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (x < (c[mid] as number)) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo] as T;
  }
}
