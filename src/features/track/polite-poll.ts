/**
 * Polls politely while a page is open: first after `startMs`, then backing off ×2 up to `maxMs`; paused while
 * hidden (the page or the browser tab), resumed with a fresh start when shown again. Returns a stop function.
 */
export interface PollControl {
  stop: () => void
  /** call on the page's show/hide events */
  setVisible: (visible: boolean) => void
  /** call when something changed (e.g. a push arrived): the back-off starts over */
  reset: () => void
}

export function politePoll(tick: () => Promise<boolean | void>, startMs = 5000, maxMs = 60_000): PollControl {
  let delay = startMs
  let timer: ReturnType<typeof setTimeout> | null = null
  let visible = true
  let stopped = false

  const schedule = () => {
    if (stopped || !visible || timer) return
    timer = setTimeout(() => {
      timer = null
      void tick().then((changed) => {
        delay = changed ? startMs : Math.min(delay * 2, maxMs)
        schedule()
      }).catch(() => {
        delay = Math.min(delay * 2, maxMs)
        schedule()
      })
    }, delay)
  }
  const clear = () => { if (timer) clearTimeout(timer); timer = null }

  schedule()
  return {
    stop: () => { stopped = true; clear() },
    setVisible: (v) => {
      visible = v
      if (v) { delay = startMs; schedule() } else clear()
    },
    reset: () => { delay = startMs; clear(); schedule() },
  }
}
