/** The few statistics the report needs, on plain arrays and running sums. */

export function mean(xs: ArrayLike<number>): number | null {
  if (!xs.length) return null;
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s / xs.length;
}

export function median(xs: ArrayLike<number>): number | null {
  if (!xs.length) return null;
  const sorted = Float64Array.from(xs).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Counts per band of ten: 0–9, 10–19, … 80–89, 90–100 (100 belongs to the last band). */
export function histogram(scores: ArrayLike<number>): number[] {
  const bands = new Array<number>(10).fill(0);
  for (let i = 0; i < scores.length; i++) bands[Math.min(9, Math.max(0, Math.floor(scores[i]! / 10)))]!++;
  return bands;
}

/**
 * Pearson's r between a 0/1 item and a score, from running sums: the
 * point-biserial correlation. Null when either does not vary (everyone right,
 * everyone wrong, or everyone with the same rest score), where r is undefined.
 */
export class PointBiserial {
  n = 0;
  private sx = 0;
  private sy = 0;
  private syy = 0;
  private sxy = 0;

  add(x: 0 | 1, y: number): void {
    this.n++;
    this.sx += x;
    this.sy += y;
    this.syy += y * y;
    this.sxy += x * y;
  }

  get r(): number | null {
    const { n, sx, sy, syy, sxy } = this;
    const vx = n * sx - sx * sx;
    const vy = n * syy - sy * sy;
    // Sums of integers and halves: a variance this close to 0 is 0, not rounding noise.
    if (!(vx > 1e-9) || !(vy > 1e-9)) return null;
    return Math.max(-1, Math.min(1, (n * sxy - sx * sy) / Math.sqrt(vx * vy)));
  }
}

/** Rounded to `digits` decimals, for reports (null stays null). */
export function round(x: number | null, digits: number): number | null {
  if (x === null) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
