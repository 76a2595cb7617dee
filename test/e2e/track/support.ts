// Shared steps of the tracking tests: a server (optionally on a virtual clock), submitting a case as a demo
// applicant, the push CLI as the supply enterprise runs it, and reading the tracking pages as a person sees them.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { Raster } from '../../../mock/ocr/png'
import { startServer, type RunningServer } from '../support/server'
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser'
import type { Journey } from '../support/journey'
import { signInWithYkb } from '../support/sign-in'
import {
  addressIn, applicantOwner, atResult, card, checkSignSubmit, chooseService, licenceSection, loadOf, pickFile, visibleText,
} from '../journey/support'

const root = path.resolve(__dirname, '..', '..', '..')
const PRELOAD = path.join(__dirname, 'virtual-clock.js')

/**
 * The server's idea of "now", moved by the test (see virtual-clock.js): the mock server and every CLI run read
 * the same offset file, so pushes stay inside the signature's 5-minute window. The browser keeps real time;
 * nothing it shows is computed from its own clock.
 */
export class VirtualClock {
  constructor(readonly file: string) {
    fs.writeFileSync(file, '0')
  }

  private offset(): number {
    return Number(fs.readFileSync(this.file, 'utf8')) || 0
  }

  now(): Date {
    return new Date(Date.now() + this.offset())
  }

  /** From now on the server's clock reads `instant` (and runs on from there). */
  setTo(instant: Date): void {
    fs.writeFileSync(this.file, String(instant.getTime() - Date.now()))
  }

  env(): Record<string, string> {
    return { VIRTUAL_CLOCK_FILE: this.file, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${PRELOAD}`.trim() }
  }
}

export interface TrackEnv {
  server: RunningServer
  browser: Browser
  clock?: VirtualClock
}

/** One server and one browser for a test file; `virtualClock` puts the server on a clock the test can move. */
export function useTrackEnv(opts: { virtualClock?: boolean } = {}): () => TrackEnv {
  let env: TrackEnv | undefined
  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-e2e-track-'))
    const clock = opts.virtualClock ? new VirtualClock(path.join(dataDir, 'virtual-clock-offset')) : undefined
    env = { server: await startServer({ DATA_DIR: dataDir, ...clock?.env() }), browser: await launchBrowser(), clock }
  })
  afterAll(async () => {
    await env?.browser.close()
    await env?.server.stop()
    if (env) fs.rmSync(env.server.dataDir, { recursive: true, force: true })
  })
  return () => {
    if (!env) throw new Error('track env not started')
    return env
  }
}

// ---- the supply enterprise: the real push CLI ---------------------------------------------------------------

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** `npm run mock:advance -- <number> [flags]` against the test server and its database. */
export function advanceCli(env: TrackEnv, number: string, flags: string[] = []): Promise<CliRun> {
  const args = [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'mock/cli/advance.ts', number, ...flags,
    '--base', env.server.url, '--db', path.join(env.server.dataDir, 'wanzhou.db')]
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env.clock?.env() }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString() })
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
    child.once('error', reject)
    child.once('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

/** One step that must be pushed; returns what the CLI says it pushed (e.g. '完成环节：受理签约'). */
export async function advance(env: TrackEnv, number: string, flags: string[] = []): Promise<string> {
  const run = await advanceCli(env, number, flags)
  if (run.code !== 0) throw new Error(`advance ${number} ${flags.join(' ')} failed (${run.code}):\n${run.stdout}${run.stderr}`)
  const pushed = /已推送“([^”]+)”/.exec(run.stdout)
  if (!pushed) throw new Error(`advance ${number}: nothing pushed:\n${run.stdout}`)
  return pushed[1]
}

// ---- submitting as a demo applicant ------------------------------------------------------------------------------

/** 李明远 (both e-licences authorised) submits a low-voltage small-business application; returns its number. */
export async function submitLowVoltage(j: Journey, detail = '演示街9号1幢1-1'): Promise<string> {
  await signInWithYkb(j, '李')
  await chooseService(j, '低压非居民新装（小微企业）')
  await applicantOwner(j, '个人（含个体工商户）')
  await addressIn(j, '瀼渡镇', detail)
  await loadOf(j, '20', '商铺经营')
  await j.at('证照材料')
  await j.tap('同意并一键调取')
  await card(j.page, '居民身份证').waitFor()
  await card(j.page, '不动产权证书').waitFor()
  await j.continue()
  return checkSignSubmit(j)
}

/** 李明远 submits a 10 kV application (200 kW, project approval uploaded); returns its number. */
export async function submitHighVoltage(j: Journey, dir: string): Promise<string> {
  const approval = pdfFile(dir, 'approval.pdf')
  await signInWithYkb(j, '李')
  await chooseService(j, '高压新装（10千伏）')
  await applicantOwner(j, '个人（含个体工商户）')
  await addressIn(j, '瀼渡镇', '工业园区8号厂房')
  await loadOf(j, '200', '生产加工')
  await j.at('证照材料')
  const approvalSection = licenceSection(j.page, '用电工程项目批准文件')
  await pickFile(j, approvalSection.locator('taro-button-core, .taro-button-core, button', { hasText: '上传批准文件' }).first(), approval)
  await approvalSection.getByText('✓ 批准文件已上传').waitFor()
  await j.tap('同意并一键调取')
  await card(j.page, '居民身份证').waitFor()
  await card(j.page, '不动产权证书').waitFor()
  await j.continue()
  await j.at('核对信息')
  await j.continue('提交申请')
  return atResult(j)
}

// ---- files the "phone" picks ---------------------------------------------------------------------------------------

/** A small real PNG (a grey page with a dark bar). */
export function pngFile(dir: string, name = 'supplement.png'): string {
  const file = path.join(dir, name)
  fs.writeFileSync(file, new Raster(160, 120, [235, 238, 242]).rect(12, 12, 120, 10, [60, 60, 60]).rect(12, 30, 90, 8, [90, 90, 90]).toPng())
  return file
}

/** A minimal PDF (the server checks the content starts with %PDF-). */
export function pdfFile(dir: string, name: string): string {
  const file = path.join(dir, name)
  fs.writeFileSync(file, `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${name}\ntrailer << /Root 1 0 R >>\n%%EOF\n`)
  return file
}

// ---- reading the tracking pages -------------------------------------------------------------------------------------

/** The page the applicant is on (Taro H5 keeps earlier pages of the stack in the DOM, hidden). */
export function currentPage(page: Page): Locator {
  return page.locator('.taro_page').filter({ visible: true }).last()
}

/**
 * Waits until the visible page's text satisfies `ok`, without touching the page: the detail page refreshes
 * itself (its case's version every 1.5 s, backing off to 30 s after five quiet minutes; a virtual clock moved
 * on the server turns the version too), so 75 s covers the longest wait.
 */
export async function waitForPage(page: Page, what: string, ok: (text: string) => boolean, timeoutMs = 75_000): Promise<string> {
  const deadline = Date.now() + timeoutMs
  let text = ''
  for (;;) {
    text = await visibleText(page).catch(() => '')
    if (ok(text)) return text
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the page shows:\n${text}`)
    await page.waitForTimeout(250)
  }
}

/** One stage (or checkpoint) row of the visible detail page, by its name. */
export function stageRow(page: Page, name: string): Locator {
  return currentPage(page).locator(`.stage[aria-label^="${name}，"]`).first()
}

/** The state word of each stage row on the visible detail page, by name (checkpoints included). */
export async function stageStates(page: Page): Promise<Record<string, string>> {
  const labels = await currentPage(page).locator('.stage').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))
  return Object.fromEntries(labels.map((l) => l.split('，') as [string, string]))
}

/** The whole-process clock of the visible detail page. */
export function clock(page: Page): Locator {
  return currentPage(page).locator('.clock').first()
}

/** A card (补正 / checkpoint upload / withdraw) of the visible page by its title. */
export function appCard(page: Page, title: string): Locator {
  return currentPage(page).locator('.app-card', { has: page.locator('.app-card__title', { hasText: title }) }).first()
}

/** The upload button for one named material inside an upload card (the picker follows the material's name). */
export function pickerFor(box: Locator, materialName: string): Locator {
  return box.locator('.app-card__line', { hasText: materialName }).locator('xpath=following-sibling::*[contains(@class,"file-picker")][1]')
    .locator('taro-button-core, .taro-button-core, button').first()
}

/** A screenshot of one element, whole: the viewport is stretched first, since Taro H5 scrolls inside its page. */
export async function elementShot(page: Page, element: Locator, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const file = path.join(SCREENSHOT_DIR, `${name}.png`)
  const viewport = page.viewportSize()
  if (viewport) await page.setViewportSize({ width: viewport.width, height: 4000 })
  await element.scrollIntoViewIfNeeded()
  await element.screenshot({ path: file })
  if (viewport) await page.setViewportSize(viewport)
  return file
}

/** Console lines Chromium writes for an answer with `status` from `urlPath` (a regex source), for `unexpected`. */
export function httpStatus(status: number, urlPath: string): RegExp {
  return new RegExp(`status of ${status} \\([^)]*\\) http://[^ ]+${urlPath}$`)
}

/** The demo SMS panel in another tab: the lookup codes sent for `number`, newest first. */
export async function codesSent(env: TrackEnv, ctx: BrowserContext, number: string): Promise<{ codes: string[]; texts: string[] }> {
  const sms = await ctx.newPage()
  await sms.goto(`${env.server.url}/ykb/sms`)
  await sms.getByRole('heading', { name: '最近发送的短信' }).waitFor()
  const texts = (await sms.locator('li').allInnerTexts()).filter((t) => t.includes(number) && t.includes('验证码'))
  await sms.close()
  return { codes: texts.map((t) => /验证码(\d{6})/.exec(t)?.[1] ?? ''), texts }
}
