// What a Lighthouse report says about a page against the budgets, and, for a page over budget, why.
import type { Result } from 'lighthouse'

/** A page's budgets. LCP and JavaScript are per page; the rest are the same for every page. */
export interface Budget {
  performance: number
  accessibility: number
  lcpMs: number
  cls: number
  /** JavaScript transferred (compressed, as sent) while the page loads; no budget when absent */
  jsKiB?: number
}

export const COMMON_BUDGET = { performance: 90, accessibility: 100, cls: 0.1 }

export interface Figures {
  performance: number
  accessibility: number
  lcpMs: number
  tbtMs: number
  cls: number
  fcpMs: number
  /** JavaScript transferred, KiB */
  jsKiB: number
}

const score = (lhr: Result, category: string) => Math.round((lhr.categories[category]?.score ?? 0) * 100)
const numeric = (lhr: Result, audit: string) => lhr.audits[audit]?.numericValue ?? NaN

/** Bytes of JavaScript the page transferred, from Lighthouse's resource summary. */
function scriptBytes(lhr: Result): number {
  const items = (lhr.audits['resource-summary']?.details as { items?: { resourceType: string; transferSize: number }[] } | undefined)?.items ?? []
  return items.find((i) => i.resourceType === 'script')?.transferSize ?? NaN
}

export function figuresOf(lhr: Result): Figures {
  return {
    performance: score(lhr, 'performance'),
    accessibility: score(lhr, 'accessibility'),
    lcpMs: numeric(lhr, 'largest-contentful-paint'),
    tbtMs: numeric(lhr, 'total-blocking-time'),
    cls: numeric(lhr, 'cumulative-layout-shift'),
    fcpMs: numeric(lhr, 'first-contentful-paint'),
    jsKiB: scriptBytes(lhr) / 1024,
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]

/** Each figure's median over several runs of one page (an odd count: a figure some run really had). */
export function medianFigures(runs: Figures[]): Figures {
  const pick = (k: keyof Figures) => median(runs.map((f) => f[k]))
  return {
    performance: pick('performance'), accessibility: pick('accessibility'), lcpMs: pick('lcpMs'), tbtMs: pick('tbtMs'),
    cls: pick('cls'), fcpMs: pick('fcpMs'), jsKiB: pick('jsKiB'),
  }
}

/** The budgets a page breaks, by name; empty when it keeps them all. */
export function brokenBudgets(f: Figures, b: Budget): string[] {
  const broken: string[] = []
  if (!(f.performance >= b.performance)) broken.push('performance')
  if (!(f.accessibility >= b.accessibility)) broken.push('accessibility')
  if (!(f.lcpMs <= b.lcpMs)) broken.push('LCP')
  if (!(f.cls <= b.cls)) broken.push('CLS')
  if (b.jsKiB !== undefined && !(f.jsKiB <= b.jsKiB)) broken.push('JS')
  return broken
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

/** One table cell: every figure, the broken ones marked ✗. */
export function figureCell(f: Figures, b: Budget): string {
  const broken = new Set(brokenBudgets(f, b))
  const mark = (name: string, text: string) => (broken.has(name) ? `✗ ${text}` : text)
  return [
    mark('performance', `perf ${f.performance}`), mark('accessibility', `a11y ${f.accessibility}`),
    mark('LCP', `LCP ${seconds(f.lcpMs)}`), `TBT ${Math.round(f.tbtMs)} ms`, mark('CLS', `CLS ${f.cls.toFixed(3)}`), `FCP ${seconds(f.fcpMs)}`,
    mark('JS', `JS ${f.jsKiB.toFixed(1)} KiB`),
  ].join(', ')
}

export const budgetCell = (b: Budget) =>
  `perf ≥ ${b.performance}, a11y ≥ ${b.accessibility}, LCP ≤ ${seconds(b.lcpMs)}, CLS ≤ ${b.cls}${b.jsKiB !== undefined ? `, JS ≤ ${b.jsKiB} KiB` : ''}`

interface Item { [key: string]: unknown }
const itemsOf = (lhr: Result, audit: string): Item[] => {
  const details = lhr.audits[audit]?.details as { items?: Item[] } | undefined
  return details?.items ?? []
}
const kib = (bytes: unknown) => `${(Number(bytes) / 1024).toFixed(1)} KiB`
const shortUrl = (url: unknown) => String(url).replace(/^https?:\/\/[^/]+/, '')

/**
 * The findings that explain a page's figures: the LCP element and its phases, Lighthouse's opportunities
 * with their estimated savings, the heaviest diagnostics, and every failing accessibility check.
 */
export function diagnosis(lhr: Result): string[] {
  const lines: string[] = []
  const lcpItems = itemsOf(lhr, 'largest-contentful-paint-element')
  const element = (lcpItems[0]?.items as Item[] | undefined)?.[0]?.node as { snippet?: string; nodeLabel?: string } | undefined
  if (element) lines.push(`LCP element: ${element.nodeLabel ?? ''} ${element.snippet ?? ''}`.trim())
  const phases = (lcpItems[1]?.items as Item[] | undefined) ?? []
  if (phases.length) lines.push(`LCP phases: ${phases.map((p) => `${String(p.phase)} ${Math.round(Number(p.timing))} ms`).join(', ')}`)

  for (const audit of Object.values(lhr.audits)) {
    const details = audit.details as { type?: string; overallSavingsMs?: number; overallSavingsBytes?: number; items?: Item[] } | undefined
    if (details?.type !== 'opportunity' || (audit.score ?? 1) >= 0.9) continue
    if ((details.overallSavingsMs ?? 0) < 10 && (details.overallSavingsBytes ?? 0) < 1024) continue
    const worst = (details.items ?? []).slice(0, 4)
      .map((i) => `${shortUrl(i.url)}${i.wastedBytes ? ` (${kib(i.wastedBytes)} wasted)` : i.wastedMs ? ` (${Math.round(Number(i.wastedMs))} ms)` : ''}`)
    lines.push(`opportunity ${audit.id}: ${audit.displayValue ?? ''} ~${Math.round(details.overallSavingsMs ?? 0)} ms, ${kib(details.overallSavingsBytes ?? 0)}; ${worst.join('; ')}`)
  }
  for (const id of ['bootup-time', 'mainthread-work-breakdown', 'total-byte-weight', 'server-response-time', 'long-tasks', 'critical-request-chains']) {
    const a = lhr.audits[id]
    if (a && a.score !== null && a.score < 0.9) lines.push(`diagnostic ${id}: ${a.displayValue ?? a.title}`)
  }
  for (const ref of lhr.categories.accessibility?.auditRefs ?? []) {
    const a = lhr.audits[ref.id]
    if (ref.weight > 0 && a?.score !== null && (a?.score ?? 1) < 1) {
      const nodes = itemsOf(lhr, ref.id).slice(0, 3).map((i) => (i.node as { snippet?: string } | undefined)?.snippet ?? '').filter(Boolean)
      lines.push(`accessibility ${ref.id} (weight ${ref.weight}): ${a.title}${nodes.length ? `: ${nodes.join(' ')}` : ''}`)
    }
  }
  return lines
}

/** Audits Lighthouse could not compute in this run (e.g. a Chromium newer than this Lighthouse's trace engine knows). */
export function erroredAudits(lhr: Result): string[] {
  return Object.values(lhr.audits).filter((a) => a.scoreDisplayMode === 'error').map((a) => a.id)
}
