import type { Phone } from './phone'
import { PULL_DOWN_STOPPED } from './fake-wx'

/** What one page did when it was opened: WeChat's limits are checked against these figures. */
export interface Visit {
  route: string
  /** bytes of the page's first setData (its first render); undefined when it never rendered */
  firstBytes?: number
  maxBytes: number
  calls: number
  /** most setData calls within any one second of (virtual) time */
  perSecond: number
  nodes: number
  /** the deepest base.wxml template level the page was drawn at, so far in this phone's life */
  level: number
  /** node kinds the page had that base.wxml has no template for, so far in this phone's life (drawn as nothing) */
  undrawn: string[]
  errors: string[]
  /** the page it sent the person on to instead (a sign-in page), if any */
  redirectedTo?: string
  /** the start of what the page (or the one it sent the person to) shows */
  shows: string
  /** for a page with pull-down refresh: whether its spinner stopped after a pull */
  pullDownStopped?: boolean
}

/** WeChat: one setData may carry at most 1 MB; its audit flags more than 256 KB, over 20 calls a second, 1000 nodes. */
export const LIMITS = { hardBytes: 1024 * 1024, auditBytes: 256 * 1024, perSecond: 20, nodes: 1000 }

function busiestSecond(times: number[]): number {
  let best = 0
  for (let i = 0; i < times.length; i++) best = Math.max(best, times.filter((t) => t >= times[i] && t < times[i] + 1000).length)
  return best
}

/**
 * Opens `route` with wx.reLaunch (as a share card or a notice does), lets it load and render, and records its
 * setData calls and errors, and the nodes rendered where it leaves the person (a page that needs a sign-in may
 * send them on to one); a page with pull-down refresh is then pulled down.
 */
export async function visit(phone: Phone, route: string, query: Record<string, string>): Promise<Visit> {
  const t = phone.thread
  const calls0 = t.setDataCalls.length
  const errors0 = t.errors.length
  const q = Object.entries(query).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')
  const reLaunch = t.wx.reLaunch as (o: { url: string; fail: (e: { errMsg: string }) => void }) => void
  reLaunch({ url: `/${route}${q ? `?${q}` : ''}`, fail: (e) => { t.errors.push(`reLaunch ${route}: ${e.errMsg}`) } })
  await t.idle()
  const calls = t.setDataCalls.slice(calls0).filter((c) => c.route === route)
  const landed = t.top().route
  let pullDownStopped: boolean | undefined
  const shown0 = t.shown.length
  if (landed === route && t.pullDown()) {
    await t.idle()
    pullDownStopped = t.shown.slice(shown0).includes(PULL_DOWN_STOPPED)
  }
  const errors = t.errors.slice(errors0)
  return {
    route,
    firstBytes: calls.find((c) => c.first)?.bytes,
    maxBytes: Math.max(0, ...calls.map((c) => c.bytes)),
    calls: calls.length,
    perSecond: busiestSecond(calls.map((c) => c.at)),
    nodes: phone.thread.nodeCount(),
    level: t.deepestLevels.get(route) ?? 0,
    undrawn: [...(t.undrawn.get(route) ?? [])],
    errors,
    redirectedTo: landed === route ? undefined : landed,
    shows: phone.screen.slice(0, 24),
    pullDownStopped,
  }
}

const kb = (n?: number) => (n === undefined ? '—' : `${(n / 1024).toFixed(1)} KB`)

/** A markdown table of visits, one row per page. */
export function visitTable(title: string, visits: Visit[]): string {
  return [`### ${title}`, '', '| page | first setData | largest | calls | busiest second | nodes | template level | errors | pull-down | shows |', '|---|---|---|---|---|---|---|---|---|---|',
    ...visits.map((v) => `| ${v.route} | ${kb(v.firstBytes)} | ${kb(v.maxBytes)}${v.maxBytes > LIMITS.auditBytes ? ' ⚠ over 256 KB' : ''} | ${v.calls} | ${v.perSecond} | ${v.nodes} | ${v.level} | ${v.errors.length} | ${v.pullDownStopped === undefined ? '' : v.pullDownStopped ? 'stops' : '⚠ spins on'} | ${v.redirectedTo ? `→ ${v.redirectedTo}: ` : ''}${v.shows.replace(/\|/g, '/')}… |`),
    ''].join('\n')
}
