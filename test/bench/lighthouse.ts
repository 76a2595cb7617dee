// Lighthouse budgets for the production H5 build, served by the real mock server, in Lighthouse's mobile mode
// (its default phone emulation and simulated slow-4G / 4× CPU throttling):
//   the start page, the application's first page (signed in), and the detail page of a submitted application.
// Each page is audited RUNS times (3; LIGHTHOUSE_RUNS overrides) and judged on each figure's median. Budgets: every
// page performance ≥ 90, accessibility 100, CLS ≤ 0.1; LCP ≤ 1.5 s on the start page (prerendered into index.html)
// and ≤ 1.8 s on the others; the start page transfers ≤ 120 KiB of JavaScript. Prints one table row per page (TBT
// and FCP shown, not budgeted), explains any page over budget, saves each page's median-LCP JSON report in
// test/output/lighthouse/, and exits 1 when a budget is broken.
//
//   node --import tsx test/bench/lighthouse.ts      serves STATIC_DIR when set, else dist/h5 (npm run build:h5)
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Result } from 'lighthouse'
import { startServer, type RunningServer } from '../e2e/support/server'
import { audit, type AuditTarget } from './lighthouse/audit'
import { sessionStorageEntry, submittedApplicant } from './lighthouse/applicant'
import { brokenBudgets, budgetCell, COMMON_BUDGET, diagnosis, erroredAudits, figureCell, figuresOf, medianFigures, type Budget, type Figures } from './lighthouse/figures'

const root = path.resolve(__dirname, '..', '..')
const staticDir = process.env.STATIC_DIR ?? path.join(root, 'dist', 'h5')
const outputDir = path.join(root, 'test', 'output', 'lighthouse')
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3)

interface PageToAudit extends AuditTarget {
  name: string
  file: string
  /** the API path the page must have had answered 200: proof it showed its content (signed in, where it needs to be) */
  mustLoad: string
  budget: Budget
}

const log = (line: string) => process.stderr.write(`${line}\n`)

/** Why the audited page is not the page meant (its content request failed or never went), or '' when it is. */
function notRendered(page: PageToAudit, lhr: Result): string {
  const requests = ((lhr.audits['network-requests']?.details as { items?: { url: string; statusCode: number }[] } | undefined)?.items ?? [])
  const answers = requests.filter((r) => new URL(r.url).pathname === page.mustLoad).map((r) => r.statusCode)
  if (answers.includes(200)) return ''
  return `GET ${page.mustLoad} ${answers.length ? `answered ${answers.join(', ')}` : 'was never requested'}`
}

async function pagesToAudit(server: RunningServer): Promise<PageToAudit[]> {
  const applicant = await submittedApplicant(server.url)
  const storage = [sessionStorageEntry(applicant)]
  return [
    { name: 'start page /', file: 'start', url: `${server.url}/`, mustLoad: '/api/services', budget: { ...COMMON_BUDGET, lcpMs: 1500, jsKiB: 120 } },
    {
      name: 'first application page (选择业务, signed in)', file: 'apply-service', url: `${server.url}/#/packages/apply/pages/service/index`, storage, mustLoad: '/api/services',
      budget: { ...COMMON_BUDGET, lcpMs: 1800 },
    },
    {
      name: 'application detail (submitted, signed in)', file: 'track-detail', storage, mustLoad: `/api/applications/${applicant.number}`,
      url: `${server.url}/#/packages/track/pages/detail/index?number=${applicant.number}`, budget: { ...COMMON_BUDGET, lcpMs: 1800 },
    },
  ]
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    log(`No H5 build at ${staticDir}: run npm run build:h5 (or set STATIC_DIR to a production H5 build).`)
    process.exit(1)
  }
  fs.mkdirSync(outputDir, { recursive: true })
  const server = await startServer({ STATIC_DIR: staticDir })
  const rows: { name: string; budget: Budget; lhr: Result; figures: Figures; runs: Figures[]; problem: string }[] = []
  try {
    for (const page of await pagesToAudit(server)) {
      const lhrs: Result[] = []
      for (let i = 1; i <= RUNS; i++) {
        log(`auditing ${page.name}, run ${i} of ${RUNS} …`)
        lhrs.push(await audit(page))
      }
      const runs = lhrs.map(figuresOf)
      const figures = medianFigures(runs)
      // the report kept (and diagnosed) is the run whose LCP is the median
      const lhr = lhrs[runs.findIndex((f) => f.lcpMs === figures.lcpMs)]
      fs.writeFileSync(path.join(outputDir, `${page.file}.json`), JSON.stringify(lhr, null, 1))
      const problem = lhrs.map((r) => notRendered(page, r)).find(Boolean) ?? ''
      rows.push({ name: page.name, budget: page.budget, lhr, figures, runs, problem })
    }
  } finally {
    await server.stop()
    fs.rmSync(server.dataDir, { recursive: true, force: true })
  }

  let failed = false
  process.stdout.write('| what | figure | budget | verdict |\n|---|---|---|---|\n')
  for (const { name, budget, figures, problem } of rows) {
    const ok = brokenBudgets(figures, budget).length === 0
    failed ||= !ok || problem !== ''
    // figures of a page that showed an error instead of its content measure the wrong page
    const verdict = problem ? `FAILED: not the page meant (${problem})` : ok ? 'ok' : 'OVER BUDGET'
    process.stdout.write(`| Lighthouse mobile: ${name} (median of ${RUNS}) | ${figureCell(figures, budget)} | ${budgetCell(budget)} | ${verdict} |\n`)
  }
  const first = rows[0]?.lhr
  process.stdout.write(`\nLighthouse ${first?.lighthouseVersion} on ${first?.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}, ` +
    `benchmark index ${rows.map((r) => Math.round(r.lhr.environment.benchmarkIndex)).join(' / ')} (reports in ${path.relative(root, outputDir)}/)\n`)
  for (const { name, runs } of rows) {
    process.stdout.write(`${name}: LCP ${runs.map((f) => `${(f.lcpMs / 1000).toFixed(2)} s`).join(' / ')}, JS ${runs.map((f) => `${f.jsKiB.toFixed(1)}`).join(' / ')} KiB, ` +
      `CLS ${runs.map((f) => f.cls.toFixed(3)).join(' / ')}\n`)
  }
  process.stdout.write(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n`)
  const errored = [...new Set(rows.flatMap((r) => erroredAudits(r.lhr)))]
  if (errored.length) process.stdout.write(`audits Lighthouse could not compute (not part of any score): ${errored.join(', ')}\n`)
  for (const { name, lhr, figures, budget } of rows) {
    const broken = brokenBudgets(figures, budget)
    if (!broken.length) continue
    process.stdout.write(`\nwhy ${name} is over budget (${broken.join(', ')}):\n${diagnosis(lhr).map((l) => `  - ${l}`).join('\n')}\n`)
  }
  process.exit(failed ? 1 : 0)
}

main().catch((err: unknown) => {
  log(err instanceof Error ? err.stack ?? err.message : String(err))
  process.exit(1)
})
