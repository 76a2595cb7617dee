/** Exponential backoff with equal jitter: attempt n (from 1) waits between half and all of min(cap, base·2^(n−1)). */
export interface Backoff {
  baseMs: number
  capMs: number
}

export function backoffDelayMs(attempt: number, b: Backoff, random: () => number = Math.random): number {
  const ceiling = Math.min(b.capMs, b.baseMs * 2 ** Math.max(0, attempt - 1))
  return Math.round(ceiling / 2 + random() * (ceiling / 2))
}
