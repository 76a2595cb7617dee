// Small descriptive statistics for the monthly report. Each answers null for no data, never NaN.

export const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b)

/** Arithmetic mean, to one decimal. */
export function mean(xs: number[]): number | null {
  return xs.length ? round(xs.reduce((a, b) => a + b, 0) / xs.length, 1) : null
}

/** The middle value; for an even count, the mean of the two middle values. */
export function median(xs: number[]): number | null {
  if (!xs.length) return null
  const s = sorted(xs)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

/**
 * Percentile by the nearest-rank method: the smallest value with at least p % of the values at or below it,
 * i.e. the ⌈p/100 · n⌉-th smallest. Always one of the observed values (no interpolation).
 */
export function nearestRank(xs: number[], p: number): number | null {
  if (!xs.length) return null
  const s = sorted(xs)
  return s[Math.max(1, Math.ceil((p / 100) * s.length)) - 1]
}

/** count / total as a fraction, to three decimals. */
export function share(count: number, total: number): number | null {
  return total ? round(count / total, 3) : null
}
