import { AppError } from './app-error'

export interface RateLimitOptions {
  /** attempts allowed per key in one window */
  limit: number
  windowMs: number
  now?: () => Date
}

export interface RateLimiter {
  /** Counts one attempt for `key`; throws RATE_LIMITED once the window's limit is used up. */
  hit(key: string): void
}

/** Prune old windows when the map grows past this, so a flood of keys cannot grow memory without end. */
const PRUNE_AT = 10_000

/** A fixed-window counter per key (e.g. client IP), in memory: enough for one mock process. */
export function createRateLimiter({ limit, windowMs, now = () => new Date() }: RateLimitOptions): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>()
  const prune = (t: number) => {
    for (const [key, w] of windows) if (t - w.start >= windowMs) windows.delete(key)
  }
  return {
    hit(key) {
      const t = now().getTime()
      const current = windows.get(key)
      if (!current || t - current.start >= windowMs) {
        if (windows.size >= PRUNE_AT) prune(t)
        windows.set(key, { start: t, count: 1 })
        return
      }
      current.count += 1
      if (current.count > limit) throw new AppError('RATE_LIMITED')
    },
  }
}
