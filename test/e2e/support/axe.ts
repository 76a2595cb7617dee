import fs from 'node:fs'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'

/** WCAG 2.0 and 2.1, levels A and AA: what the app promises. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
export const IMPACTS = ['critical', 'serious', 'moderate', 'minor'] as const
export type Impact = (typeof IMPACTS)[number]
/** What fails the test; moderate and minor are counted and reported. */
export const BLOCKING: Impact[] = ['critical', 'serious']

export type TextMode = 'normal' | 'large'

/**
 * Findings that cannot be fixed in this app's source, by rule and the exact target axe reports. Each one says why.
 * A new finding never matches by accident: both the rule and the whole selector must be equal.
 */
export const EXCLUSIONS: { rule: string; target: string; why: string }[] = []

export interface Finding {
  rule: string
  impact: Impact
  help: string
  targets: string[]
}

export interface Audit {
  route: string
  mode: TextMode
  findings: Finding[]
  /** rule → elements that passed it */
  passed: Record<string, number>
  /** what axe could not decide alone (e.g. contrast of text over an image), for a person to review */
  review: { rule: string; reasons: string[]; targets: string[] }[]
}

const excluded = (rule: string, target: string) => EXCLUSIONS.some((e) => e.rule === rule && e.target === target)

/** axe on the whole document (Taro H5 keeps earlier pages of the stack in the DOM, hidden, which axe skips). */
export async function audit(page: Page, route: string, mode: TextMode): Promise<Audit> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
  const findings: Finding[] = []
  for (const v of results.violations) {
    const targets = v.nodes.map((n) => n.target.map(String).join(' >>> ')).filter((t) => !excluded(v.id, t))
    if (targets.length) findings.push({ rule: v.id, impact: (v.impact ?? 'minor') as Impact, help: v.help, targets })
  }
  const passed = Object.fromEntries(results.passes.map((p) => [p.id, p.nodes.length]))
  return { route, mode, findings, passed, review: results.incomplete.map((r) => ({
    rule: r.id,
    reasons: [...new Set(r.nodes.flatMap((n) => n.any.map((c) => (c.data as { messageKey?: string } | null)?.messageKey ?? c.id)))],
    targets: r.nodes.map((n) => n.target.map(String).join(' >>> ')),
  })) }
}

/** Counts of offending elements by impact. */
export function counts(a: Audit): Record<Impact, number> {
  const c = { critical: 0, serious: 0, moderate: 0, minor: 0 }
  for (const f of a.findings) c[f.impact] += f.targets.length
  return c
}

/** One line per blocking finding: page, mode, rule, impact and every target selector. */
export function blockingLines(audits: Audit[]): string[] {
  return audits.flatMap((a) => a.findings.filter((f) => BLOCKING.includes(f.impact))
    .map((f) => `${a.route} [${a.mode}] ${f.rule} (${f.impact}): ${f.help}\n    ${f.targets.join('\n    ')}`))
}

/** The page × mode table (elements in violation, by impact), then every finding in detail. */
export function summaryMarkdown(audits: Audit[], note: string): string {
  const lines = [
    '# Accessibility (axe-core, WCAG 2.1 A/AA) on every H5 page',
    '',
    note,
    '',
    '| page | mode | critical | serious | moderate | minor | rules to review |',
    '|---|---|---|---|---|---|---|',
    ...audits.map((a) => {
      const c = counts(a)
      return `| ${a.route} | ${a.mode} | ${c.critical} | ${c.serious} | ${c.moderate} | ${c.minor} | ${a.review.map((r) => `${r.rule} (${r.targets.length})`).join(', ')} |`
    }),
  ]
  const details = audits.flatMap((a) => a.findings.map((f) => `- ${a.route} [${a.mode}] **${f.rule}** (${f.impact}, ${f.targets.length}): ${f.help} — \`${f.targets.slice(0, 5).join('`, `')}\`${f.targets.length > 5 ? ' …' : ''}`))
  lines.push('', '## Findings', '', ...(details.length ? details : ['None.']))
  const review = audits.flatMap((a) => a.review.map((r) => `- ${a.route} [${a.mode}] ${r.rule} (${r.reasons.join(', ')}): \`${r.targets.slice(0, 4).join('`, `')}\`${r.targets.length > 4 ? ' …' : ''}`))
  lines.push('', '## For a person to review (axe could not decide)', '', ...(review.length ? review : ['None.']))
  if (EXCLUSIONS.length) lines.push('', '## Excluded (cannot be fixed in this app\'s source)', '', ...EXCLUSIONS.map((e) => `- ${e.rule} \`${e.target}\`: ${e.why}`))
  return lines.join('\n') + '\n'
}

export function writeSummary(markdown: string): string {
  const file = path.resolve(__dirname, '..', '..', 'output', 'a11y-summary.md')
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, markdown)
  return file
}
