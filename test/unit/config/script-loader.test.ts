import vm from 'node:vm'
import { scriptLoader } from '../../../config/prerender-start'
import { LANDING_FLAG } from '../../../config/route-chunks-plugin'

interface World {
  asked: string[]
  /** runs what the page queued: frames, timeouts, the paint observer's callback */
  frame: () => void
  timeouts: () => void
  paint: (name: string) => void
  after: (ms: number) => void
}

/** Runs the start page's script loader as index.html's end of <body> would. */
function run({ overlay = true, paintTiming = true, landing = false, hidden = false } = {}): World {
  const asked: string[] = []
  let frames: (() => void)[] = []
  let timers: { fn: () => void; ms: number }[] = []
  let observer: ((list: { getEntriesByName: (n: string) => unknown[] }, o: { disconnect: () => void }) => void) | null = null
  class PerformanceObserver {
    static supportedEntryTypes = paintTiming ? ['paint', 'largest-contentful-paint'] : ['resource']
    constructor(cb: typeof observer) { observer = cb }
    observe(): void {}
  }
  const window: Record<string, unknown> = { PerformanceObserver: paintTiming ? PerformanceObserver : undefined }
  if (landing) window[LANDING_FLAG] = true
  const context = {
    window,
    PerformanceObserver,
    document: {
      visibilityState: hidden ? 'hidden' : 'visible',
      getElementById: () => (overlay ? {} : null),
      createElement: () => ({}),
      head: { appendChild: (e: { src: string }) => asked.push(e.src) },
    },
    requestAnimationFrame: (fn: () => void) => frames.push(fn),
    setTimeout: (fn: () => void, ms: number) => timers.push({ fn, ms }),
  }
  vm.runInNewContext(scriptLoader(['/js/vendors.js', '/js/app.js']), context)
  const runTimers = (upTo: number) => {
    const due = timers.filter((t) => t.ms <= upTo)
    timers = timers.filter((t) => t.ms > upTo)
    for (const t of due) t.fn()
  }
  return {
    asked,
    frame: () => { const f = frames; frames = []; for (const fn of f) fn() },
    timeouts: () => runTimers(0),
    paint: (name) => { let done = false; observer?.({ getEntriesByName: (n) => (n === name ? [{}] : []) }, { disconnect: () => { done = true } }); if (done) observer = null },
    after: (ms) => runTimers(ms),
  }
}

describe('the start page\'s loader of the app\'s scripts (index.html)', () => {
  it('should ask for them at once, in order, when there is no overlay or the tab is hidden', () => {
    expect(run({ overlay: false }).asked).toEqual(['/js/vendors.js', '/js/app.js'])
    expect(run({ hidden: true }).asked).toEqual(['/js/vendors.js', '/js/app.js'])
  })

  it('should wait for the overlay\'s first contentful paint, not for a frame, where the browser has paint timing', () => {
    const w = run()
    w.frame()
    w.timeouts()
    expect(w.asked).toEqual([])
    w.paint('first-paint')
    w.timeouts()
    expect(w.asked).toEqual([])
    w.paint('first-contentful-paint')
    w.timeouts()
    expect(w.asked).toEqual(['/js/vendors.js', '/js/app.js'])
  })

  it('should wait two frames without paint timing, and ask once whatever happens after a second', () => {
    const w = run({ paintTiming: false })
    w.frame()
    w.timeouts()
    expect(w.asked).toEqual([])
    w.frame()
    w.timeouts()
    expect(w.asked).toEqual(['/js/vendors.js', '/js/app.js'])
    w.after(1000)
    expect(w.asked).toHaveLength(2)

    const never = run()
    never.after(1000)
    expect(never.asked).toEqual(['/js/vendors.js', '/js/app.js'])
  })

  it('should ask for nothing when the loader in <head> has asked for a landing bundle', () => {
    const w = run({ overlay: false, landing: true })
    w.after(1000)
    expect(w.asked).toEqual([])
  })
})
