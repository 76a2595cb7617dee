import { EARLY_READS_GLOBAL } from './early-reads'

type Started = Record<string, Promise<unknown> | undefined>

/**
 * The answer index.html started for `url` before the app ran (src/lib/http/early-reads.ts), once: a later ask of the
 * same page reads afresh. Resolves to the response's envelope, or null when the early read failed.
 */
export function takeEarlyRead(url: string): Promise<unknown> | undefined {
  const started = (window as unknown as Record<string, Started | undefined>)[EARLY_READS_GLOBAL]
  const answer = started?.[url]
  if (started) delete started[url]
  return answer
}
