// Lighthouse budgets for the production H5 build, served by the real mock server, in Lighthouse's mobile mode
// (its default phone emulation and simulated slow-4G / 4× CPU throttling):
//   the start page, the application's first page (signed in), and the detail page of a submitted application.
// Budgets per page: performance ≥ 90, accessibility ≥ 95, LCP ≤ 2.5 s, CLS ≤ 0.1. Prints one table row per
// page (TBT and FCP shown, not budgeted), explains any page over budget, saves every JSON report in
// test/output/lighthouse/, and exits 1 when a budget is broken.
//
//   node --import tsx test/bench/lighthouse.ts      serves STATIC_DIR when set, else dist/h5 (npm run build:h5)
import fs from 'node:fs'
import path from 'node:path'
import type { Result } from 'lighthouse'
import { startServer, type RunningServer } from '../e2e/support/server'
import { audit, type AuditTarget } from './lighthouse/audit'
import { sessionStorageEntry, submittedApplicant } from './lighthouse/applicant'
import { brokenBudgets, budgetCell, diagnosis, erroredAudits, figureCell, figuresOf } from './lighthouse/figures'

const root = path.resolve(__dirname, '..', '..')
const staticDir = process.env.STATIC_DIR ?? path.join(root, 'dist', 'h5')
const outputDir = path.join(root, 'test', 'output', 'lighthouse')

interface PageToAudit extends AuditTarget {
  name: string
  file: string
  /** the API path the page must have had answered 200: proof it showed its content (signed in, where it needs to be) */
  mustLoad: string
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
    { name: 'start page /', file: 'start', url: `${server.url}/`, mustLoad: '/api/services' },
    { name: 'first application page (选择业务, signed in)', file: 'apply-service', url: `${server.url}/#/packages/apply/pages/service/index`, storage, mustLoad: '/api/services' },
    {
      name: 'application detail (submitted, signed in)', file: 'track-detail', storage, mustLoad: `/api/applications/${applicant.number}`,
      url: `${server.url}/#/packages/track/pages/detail/index?number=${applicant.number}`,
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
  const rows: { name: string; lhr: Result; problem: string }[] = []
  try {
    for (const page of await pagesToAudit(server)) {
      log(`auditing ${page.name} …`)
      const lhr = await audit(page)
      fs.writeFileSync(path.join(outputDir, `${page.file}.json`), JSON.stringify(lhr, null, 1))
      rows.push({ name: page.name, lhr, problem: notRendered(page, lhr) })
    }
  } finally {
    await server.stop()
    fs.rmSync(server.dataDir, { recursive: true, force: true })
  }

  let failed = false
  process.stdout.write('| what | figure | budget | verdict |\n|---|---|---|---|\n')
  for (const { name, lhr, problem } of rows) {
    const f = figuresOf(lhr)
    const ok = brokenBudgets(f).length === 0
    failed ||= !ok || problem !== ''
    // figures of a page that showed an error instead of its content measure the wrong page
    const verdict = problem ? `FAILED: not the page meant (${problem})` : ok ? 'ok' : 'OVER BUDGET'
    process.stdout.write(`| Lighthouse mobile: ${name} | ${figureCell(f)} | ${budgetCell} | ${verdict} |\n`)
  }
  const first = rows[0]?.lhr
  process.stdout.write(`\nLighthouse ${first?.lighthouseVersion} on ${first?.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}, ` +
    `benchmark index ${rows.map((r) => Math.round(r.lhr.environment.benchmarkIndex)).join(' / ')} (reports in ${path.relative(root, outputDir)}/)\n`)
  const errored = [...new Set(rows.flatMap((r) => erroredAudits(r.lhr)))]
  if (errored.length) process.stdout.write(`audits Lighthouse could not compute (not part of any score): ${errored.join(', ')}\n`)
  for (const { name, lhr } of rows) {
    const broken = brokenBudgets(figuresOf(lhr))
    if (!broken.length) continue
    process.stdout.write(`\nwhy ${name} is over budget (${broken.join(', ')}):\n${diagnosis(lhr).map((l) => `  - ${l}`).join('\n')}\n`)
  }
  process.exit(failed ? 1 : 0)
}

main().catch((err: unknown) => {
  log(err instanceof Error ? err.stack ?? err.message : String(err))
  process.exit(1)
})
