/**
 * Polls politely while a page is open: every `everyMs` while something changed within the last `fastForMs` (or the
 * page was shown within it), then backing off ×2 up to `maxMs` while nothing changes; a failed tick backs off too.
 * Paused while hidden (the page or the browser tab); shown again, it ticks at once and starts afresh.
 */
export interface PollControl {
  stop: () => void
  /** call on the page's show/hide events */
  setVisible: (visible: boolean) => void
  /** call when something changed (e.g. the page loaded afresh): the back-off starts over */
  reset: () => void
}

export interface PollTiming {
  everyMs: number
  fastForMs: number
  maxMs: number
}

/** An open detail page asks its case's cheap version: every 1.5 s for five quiet minutes, then less often, to 30 s. */
export const DETAIL_POLL: PollTiming = { everyMs: 1500, fastForMs: 5 * 60_000, maxMs: 30_000 }

export function politePoll(tick: () => Promise<boolean | void>, timing: PollTiming = DETAIL_POLL): PollControl {
  const { everyMs, fastForMs, maxMs } = timing
  let delay = everyMs
  /** how long nothing has changed, counted in the delays waited (whatever clock the platform keeps) */
  let quietFor = 0
  let timer: ReturnType<typeof setTimeout> | null = null
  let visible = true
  let stopped = false

  const next = (changed: boolean, failed = false) => {
    quietFor = changed ? 0 : quietFor + delay
    delay = !failed && quietFor < fastForMs ? everyMs : Math.min(delay * 2, maxMs)
  }
  const schedule = (after = delay) => {
    if (stopped || !visible || timer) return
    timer = setTimeout(() => {
      timer = null
      void tick().then((changed) => next(changed === true), () => next(false, true)).then(() => schedule())
    }, after)
  }
  const clear = () => { if (timer) clearTimeout(timer); timer = null }
  const afresh = () => { quietFor = 0; delay = everyMs }

  schedule()
  return {
    stop: () => { stopped = true; clear() },
    setVisible: (v) => {
      if (v === visible) return
      visible = v
      clear()
      if (v) { afresh(); schedule(0) }
    },
    reset: () => { afresh(); clear(); schedule() },
  }
}
