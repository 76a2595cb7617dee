import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import { createWx, type WxHost } from './fake-wx'
import { VirtualClock } from './clock'
import { applySetData, byteSize, countNodes, rootOf } from './page-data'
import { deepestLevel, readNodeKinds, readTemplateLevels, undrawnKinds, type NodeKind, type TemplateLevels } from './templates'

type Fn = (...args: unknown[]) => unknown
type Config = Record<string, unknown>

/** One page instance, as `this` in the page's methods. */
export interface PageInstance extends Record<string, unknown> {
  route: string
  options: Record<string, string>
  data: Record<string, unknown>
}

export interface SetDataCall {
  route: string
  /** bytes of the JSON WeChat would send to the view layer */
  bytes: number
  keys: number
  /** virtual ms since the thread started */
  at: number
  first: boolean
}

export interface ThreadOptions {
  weappDir: string
  serverUrl: string
  /** the base library this phone runs */
  version: string
  /** storage to start from (a phone that has signed in before) */
  storage?: Map<string, unknown>
  /** WeChat's font size setting in px (default 16) */
  fontSizeSetting?: number
}

/** WeChat wraps every file in a function whose browser globals are all undefined. */
const BROWSER_GLOBALS = ['window', 'document', 'frames', 'self', 'location', 'navigator', 'localStorage', 'history',
  'Caches', 'screen', 'alert', 'confirm', 'prompt', 'XMLHttpRequest', 'WebSocket', 'Reporter', 'webkit', 'WeixinJSCore']
const MAX_STACK = 10

/**
 * WeChat's service (logic) thread, in a Node `vm` context: the app's built files run with WeChat's globals
 * (`wx`, `App`, `Page`, `Component`, `getApp`, `getCurrentPages`, a `require` relative to each file) and
 * nothing a browser has (no window, document, localStorage, XMLHttpRequest; no eval or new Function). Pages are
 * opened, shown, hidden and unloaded as WeChat does; `setData` is applied to each page's data (what the view
 * layer would render) and measured. Every error thrown into the thread is recorded (a promise rejected with
 * nobody to catch it too, outside Jest; under Jest an unhandled rejection fails the running test by itself).
 */
export class ServiceThread {
  readonly errors: string[] = []
  readonly setDataCalls: SetDataCall[] = []
  readonly shown: string[] = []
  readonly unavailable: string[] = []
  readonly storage: Map<string, unknown>
  readonly clock: VirtualClock
  readonly wx: Record<string, unknown>
  readonly appJson: { pages: string[]; subPackages?: { root: string; pages: string[] }[] }
  private readonly context: vm.Context
  private readonly modules = new Map<string, { exports: unknown }>()
  /** route → the deepest template level its page has been drawn at (see templates.ts) */
  readonly deepestLevels = new Map<string, number>()
  /** null for a hand-made app without Taro's templates (the runtime's own tests) */
  readonly templateLevels: TemplateLevels | null
  /** route → node kinds its page has had that base.wxml has no template for (WeChat draws nothing there) */
  readonly undrawn = new Map<string, Set<string>>()
  /** the node kinds base.wxml draws; null for a hand-made app without Taro's templates */
  private readonly nodeKinds: Map<string, NodeKind> | null
  private readonly pageConfigs = new Map<string, Config>()
  private readonly components = new Map<string, Config>()
  private readonly stack: PageInstance[] = []
  private readonly inflight = new Set<Promise<unknown>>()
  private loading: string | null = null
  private app: Config | null = null
  private readonly onRejection = (reason: unknown) => { this.errors.push(`unhandled rejection: ${describe(reason)}`) }

  constructor(private readonly opts: ThreadOptions) {
    this.storage = opts.storage ? new Map(opts.storage) : new Map()
    this.clock = new VirtualClock((fn, where) => this.guard(fn, where))
    this.appJson = JSON.parse(fs.readFileSync(path.join(opts.weappDir, 'app.json'), 'utf8'))
    this.templateLevels = fs.existsSync(path.join(opts.weappDir, 'utils.wxs')) ? readTemplateLevels(opts.weappDir) : null
    this.nodeKinds = fs.existsSync(path.join(opts.weappDir, 'base.wxml')) ? readNodeKinds(opts.weappDir) : null
    const host: WxHost = {
      version: opts.version,
      fontSizeSetting: opts.fontSizeSetting ?? 16,
      serverUrl: opts.serverUrl,
      storage: this.storage,
      later: (fn) => { this.clock.setTimeout(fn, 0) },
      track: (p) => {
        this.inflight.add(p)
        void p.finally(() => this.inflight.delete(p))
      },
      route: (kind, url) => this.route(kind, url),
      back: (delta) => this.back(delta),
      shown: this.shown,
      unavailable: this.unavailable,
    }
    this.wx = createWx(host)
    const consoleProxy = {
      log: () => undefined, info: () => undefined, debug: () => undefined, warn: () => undefined,
      error: (...args: unknown[]) => { this.errors.push(`console.error: ${args.map(describe).join(' ')}`) },
    }
    this.context = vm.createContext({
      wx: this.wx,
      App: (config: Config) => { this.app = config },
      Page: (config: Config) => {
        if (!this.loading) throw new Error('Page() called outside a page file')
        this.pageConfigs.set(this.loading, config)
      },
      Component: (config: Config) => { if (this.loading) this.components.set(this.loading, config) },
      Behavior: (config: Config) => config,
      getApp: () => this.app,
      getCurrentPages: () => [...this.stack],
      requirePlugin: () => { throw new Error('no plugins in this app') },
      __wxConfig: { envVersion: 'develop', platform: 'android', SDKVersion: opts.version },
      setTimeout: this.clock.setTimeout,
      setInterval: this.clock.setInterval,
      clearTimeout: this.clock.clear,
      clearInterval: this.clock.clear,
      console: consoleProxy,
    }, { codeGeneration: { strings: false, wasm: false } })
    // the thread's clock follows virtual time, so waiting a minute takes no time
    const start = Date.now()
    vm.runInContext(`(function (now) {
      var RealDate = Date
      function VDate() { return arguments.length ? new (Function.prototype.bind.apply(RealDate, [null].concat([].slice.call(arguments))))() : new RealDate(now()) }
      VDate.prototype = RealDate.prototype
      VDate.now = function () { return now() }
      VDate.UTC = RealDate.UTC
      VDate.parse = RealDate.parse
      Date = VDate
    })`, this.context)((() => start + this.clock.now) as Fn)
    process.on('unhandledRejection', this.onRejection)
  }

  /** Runs a callback into app code, recording what it throws (WeChat reports it and carries on). */
  guard<T>(fn: () => T, where: string): T | undefined {
    try {
      return fn()
    } catch (e) {
      this.errors.push(`${where}: ${describe(e)}`)
      return undefined
    }
  }

  /** WeChat's `require`: a built file, relative to the requiring file, evaluated once. */
  require(file: string): unknown {
    const abs = file.endsWith('.js') ? file : `${file}.js`
    const cached = this.modules.get(abs)
    if (cached) return cached.exports
    const module = { exports: {} as unknown }
    this.modules.set(abs, module)
    const code = fs.readFileSync(abs, 'utf8')
    const wrapped = vm.runInContext(`(function (require, module, exports, ${BROWSER_GLOBALS.join(', ')}) {${code}\n})`,
      this.context, { filename: abs }) as Fn
    const localRequire = (p: string) => this.require(path.resolve(path.dirname(abs), p))
    wrapped(localRequire, module, module.exports)
    return module.exports
  }

  /** Starts the app as WeChat does: app.js, then onLaunch and onShow, then the entry page. */
  async launch(entry = this.appJson.pages[0], query: Record<string, string> = {}): Promise<void> {
    this.loading = 'app'
    this.require(path.join(this.opts.weappDir, 'app.js'))
    this.loading = null
    if (!this.app) throw new Error('app.js did not call App()')
    const options = { path: entry, query, scene: 1001, referrerInfo: {} }
    this.guard(() => (this.app?.onLaunch as Fn | undefined)?.call(this.app, options), 'App.onLaunch')
    this.guard(() => (this.app?.onShow as Fn | undefined)?.call(this.app, options), 'App.onShow')
    this.open(entry, query)
    await this.idle()
  }

  /** Lets `horizonMs` of virtual time pass: network replies, and every timer due meanwhile, in order. */
  async idle(horizonMs = 3000): Promise<void> {
    const until = this.clock.now + horizonMs
    for (let steps = 0; ; steps++) {
      if (steps > 20_000) throw new Error('the service thread never went idle (a timer loop?)')
      await new Promise((r) => setImmediate(r))
      if (this.inflight.size) {
        await Promise.race(this.inflight)
        continue
      }
      if (!this.clock.step(until)) break
    }
    this.clock.passTo(until)
  }

  pages(): PageInstance[] {
    return [...this.stack]
  }

  top(): PageInstance {
    const page = this.stack[this.stack.length - 1]
    if (!page) throw new Error('no page is open')
    return page
  }

  /** All pages WeChat knows from app.json, main package first. */
  allRoutes(): string[] {
    return [...this.appJson.pages, ...(this.appJson.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))]
  }

  /** Stops timers and listeners: the phone closes the mini-program. */
  close(): void {
    while (this.stack.length) this.unload(this.stack.pop() as PageInstance)
    this.clock.stopAll()
    process.off('unhandledRejection', this.onRejection)
  }

  private loadPage(route: string): Config {
    const known = this.pageConfigs.get(route)
    if (known) return known
    const file = path.join(this.opts.weappDir, route)
    this.loadComponents(`${file}.json`)
    this.loading = route
    try {
      this.require(file)
    } finally {
      this.loading = null
    }
    const config = this.pageConfigs.get(route)
    if (!config) throw new Error(`${route}.js did not call Page()`)
    return config
  }

  /** usingComponents are loaded with the page, as WeChat does (their Component() registers them). */
  private loadComponents(jsonFile: string): void {
    const json = JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as { usingComponents?: Record<string, string> }
    for (const ref of Object.values(json.usingComponents ?? {})) {
      const file = ref.startsWith('/') ? path.join(this.opts.weappDir, ref) : path.resolve(path.dirname(jsonFile), ref)
      if (this.components.has(file) || this.modules.has(`${file}.js`)) continue
      this.loading = file
      try {
        this.require(file)
      } finally {
        this.loading = null
      }
      this.loadComponents(`${file}.json`)
    }
  }

  private parseUrl(url: string): { route: string; query: Record<string, string> } {
    const [p, q = ''] = url.split('?')
    const from = this.stack.length ? path.posix.dirname(this.top().route) : ''
    const route = p.startsWith('/') ? p.slice(1) : path.posix.join(from, p)
    // WeChat hands the query over as written (the page decodes what it encoded)
    const query = Object.fromEntries(q.split('&').filter(Boolean).map((kv) => {
      const i = kv.indexOf('=')
      return i < 0 ? [kv, ''] : [kv.slice(0, i), kv.slice(i + 1)]
    }))
    return { route, query }
  }

  private route(kind: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'switchTab', url: string): string | null {
    const { route, query } = this.parseUrl(url)
    if (!this.allRoutes().includes(route)) return `page "${route}" is not found`
    if (kind === 'switchTab') return 'can not switch to no-tabBar page'
    if (kind === 'navigateTo' && this.stack.length >= MAX_STACK) return 'webview count limit exceed'
    this.clock.setTimeout(() => {
      if (kind === 'navigateTo') this.hide(this.top())
      else if (kind === 'redirectTo') this.unload(this.stack.pop() as PageInstance)
      else while (this.stack.length) this.unload(this.stack.pop() as PageInstance)
      this.open(route, query)
    }, 0)
    return null
  }

  private back(delta: number): string | null {
    if (this.stack.length <= 1) return 'cannot navigate back at first page.'
    this.clock.setTimeout(() => {
      for (let i = 0; i < delta && this.stack.length > 1; i++) this.unload(this.stack.pop() as PageInstance)
      this.show(this.top())
    }, 0)
    return null
  }

  /** The back arrow in WeChat's navigation bar (or Android's back key): the top page goes, the one below shows. */
  async systemBack(): Promise<void> {
    const problem = this.back(1)
    if (problem) throw new Error(`back: ${problem}`)
    await this.idle()
  }

  /** Opens the web-view's target in the same way `wx.miniProgram.redirectTo` from inside a web-view does. */
  redirectFromWebView(url: string): void {
    const problem = this.route('redirectTo', url)
    if (problem) throw new Error(`web-view redirectTo failed: ${problem}`)
  }

  /** Opens a page directly, as WeChat does for a launch, a share card or a scan (query as written). */
  open(route: string, query: Record<string, string> = {}): PageInstance {
    const config = this.loadPage(route)
    const page = this.instantiate(route, query, config)
    this.stack.push(page)
    this.guard(() => (page.onLoad as Fn | undefined)?.call(page, { ...query }), `${route} onLoad`)
    this.show(page)
    return page
  }

  private instantiate(route: string, query: Record<string, string>, config: Config): PageInstance {
    const page = { route, __route__: route, options: { ...query } } as unknown as PageInstance
    for (const [k, v] of Object.entries(config)) page[k] = typeof v === 'function' ? v : structuredClone(v)
    page.data = (page.data as Record<string, unknown> | undefined) ?? {}
    let first = true
    let ready = false
    page.setData = (data: Record<string, unknown>, cb?: () => void) => {
      const bytes = byteSize(data)
      this.setDataCalls.push({ route, bytes, keys: Object.keys(data).length, at: this.clock.now, first })
      if (bytes > 1024 * 1024) throw new Error(`setData of ${bytes} bytes on ${route}: over WeChat's 1 MB limit`)
      applySetData(page.data, data)
      if (this.templateLevels) this.deepestLevels.set(route, Math.max(this.deepestLevels.get(route) ?? 0, deepestLevel(rootOf(page.data), this.templateLevels)))
      if (this.nodeKinds) {
        const seen = this.undrawn.get(route) ?? new Set<string>()
        for (const nn of undrawnKinds(rootOf(page.data), this.nodeKinds)) seen.add(nn)
        if (seen.size) this.undrawn.set(route, seen)
      }
      first = false
      // the view layer renders, then WeChat calls back; the first render is followed by onReady
      this.clock.setTimeout(() => {
        if (cb) this.guard(cb, `${route} setData callback`)
        if (!ready && this.stack.includes(page)) {
          ready = true
          this.guard(() => (page.onReady as Fn | undefined)?.call(page), `${route} onReady`)
        }
      }, 0)
    }
    page.selectComponent = () => null
    page.selectAllComponents = () => []
    page.createSelectorQuery = () => (this.wx.createSelectorQuery as Fn)()
    page.getOpenerEventChannel = () => ({ emit: () => undefined, on: () => undefined, once: () => undefined, off: () => undefined })
    return page
  }

  private show(page: PageInstance): void {
    this.guard(() => (page.onShow as Fn | undefined)?.call(page), `${page.route} onShow`)
  }

  private hide(page: PageInstance): void {
    this.guard(() => (page.onHide as Fn | undefined)?.call(page), `${page.route} onHide`)
  }

  private unload(page: PageInstance): void {
    this.guard(() => (page.onUnload as Fn | undefined)?.call(page), `${page.route} onUnload`)
  }

  /**
   * The person pulls the page down: WeChat calls onPullDownRefresh where the page's JSON enables it, and shows
   * the spinner until the page calls wx.stopPullDownRefresh. Returns false for a page without pull-down.
   */
  pullDown(page = this.top()): boolean {
    const json = JSON.parse(fs.readFileSync(path.join(this.opts.weappDir, `${page.route}.json`), 'utf8')) as { enablePullDownRefresh?: boolean }
    if (!json.enablePullDownRefresh) return false
    this.guard(() => (page.onPullDownRefresh as Fn | undefined)?.call(page), `${page.route} onPullDownRefresh`)
    return true
  }

  /** Nodes the page would render now. */
  nodeCount(page = this.top()): number {
    return countNodes(page.data)
  }

  /** Dispatches a view-layer event to the page's handler, as WeChat does for a node bound to it. */
  dispatch(page: PageInstance, handler: string, event: Record<string, unknown>): void {
    const fn = page[handler] as Fn | undefined
    if (typeof fn !== 'function') throw new Error(`${page.route} has no ${handler} handler`)
    this.guard(() => fn.call(page, event), `${page.route} ${handler}(${String(event.type)})`)
  }
}

function describe(e: unknown): string {
  if (e instanceof Error || (e && typeof e === 'object' && 'stack' in e && 'message' in e)) {
    const err = e as Error
    return `${err.message}\n${(err.stack ?? '').split('\n').slice(1, 4).join('\n')}`
  }
  if (e && typeof e === 'object') {
    try { return JSON.stringify(e) } catch { return String(e) }
  }
  return String(e)
}
