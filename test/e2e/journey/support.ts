import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { startServer, type RunningServer } from '../support/server'
import { desktopContext, launchBrowser, phoneContext, watchProblems } from '../support/browser'
import { Journey } from '../support/journey'
import { PRERENDER } from '../../../src/features/start/prerender-ids'
import { leakedLines } from '../support/log-privacy'
import { signInWithYkb } from '../support/sign-in'

export interface JourneyEnv {
  server: RunningServer
  browser: Browser
}

/** One server (with `serverEnv` over the defaults) and one browser for a test file. */
export function useJourneyEnv(serverEnv: Record<string, string> = {}): () => JourneyEnv {
  let env: JourneyEnv | undefined
  beforeAll(async () => {
    env = { server: await startServer(serverEnv), browser: await launchBrowser() }
  })
  afterAll(async () => {
    await env?.browser.close()
    await env?.server.stop()
    // Privacy: everything the journeys made the server log is free of full ID numbers and mobiles.
    expect(leakedLines(env?.server.output() ?? '')).toEqual([])
  })
  return () => {
    if (!env) throw new Error('journey env not started')
    return env
  }
}

/** A fresh phone (no storage) on the start page; `desktop` makes it a desktop browser driven by mouse clicks. */
export async function newJourney(env: JourneyEnv, name: string, opts: { desktop?: boolean } = {}): Promise<{ j: Journey; page: Page; ctx: BrowserContext; problems: string[] }> {
  const ctx = opts.desktop ? await desktopContext(env.browser) : await phoneContext(env.browser)
  const page = await ctx.newPage()
  const problems = watchProblems(page)
  await page.goto(env.server.url + '/')
  await page.getByText('我要申请办电').waitFor({ timeout: 30_000 })
  // until the app has taken over from the start page painted from index.html, Taro's router may not be listening: an
  // address a test changes in that moment can be missed (the likely cause of a page that never came, twice, in
  // whole-suite runs). start-page.test.ts covers a user's tap kept across the hand-over.
  await page.locator(`#${PRERENDER.overlayId}`).waitFor({ state: 'detached', timeout: 30_000 })
  return { j: new Journey(page, name, opts.desktop ? 'mouse' : 'touch'), page, ctx, problems }
}

/** The application number on the result page. */
export async function resultNumber(page: Page): Promise<string> {
  const number = page.locator('.result__number')
  await number.waitFor({ timeout: 20_000 })
  return (await number.innerText()).trim()
}

/** The visible text of the page the applicant is on (Taro H5 keeps hidden earlier pages in the DOM). */
export async function visibleText(page: Page): Promise<string> {
  return page.locator('.taro_page').filter({ visible: true }).last().innerText()
}

/** The attached-licence card of one type on the visible page. */
export function card(page: Page, typeName: string | RegExp): Locator {
  return page.locator('.material-card', { hasText: typeName }).filter({ visible: true }).first()
}

/** One of the licence page's sections (身份证件, 用电地址物权证明, …) on the visible page. */
export function licenceSection(page: Page, title: string): Locator {
  return page.locator('.licence-section', { has: page.locator('.licence-section__title', { hasText: title }) }).filter({ visible: true }).first()
}

// ---- the journey's pages, as a person answers them -----------------------------------------------------------

export async function chooseService(j: Journey, service: string): Promise<void> {
  await j.at('选择业务')
  await j.tapRole('radio', service)
  await j.continue()
}

/** 申请人信息 as the owner applying for themselves; `kind` is skipped when the page does not ask (residents). */
export async function applicantOwner(j: Journey, kind?: string): Promise<void> {
  await j.at('申请人信息')
  if (kind) await j.tapRole('radio', kind)
  await j.tapRole('radio', '用电人本人办理')
  await j.continue()
}

export async function addressIn(j: Journey, township: string, detail: string): Promise<void> {
  await j.at('用电地址')
  await j.tapRole('radio', township)
  await j.page.getByText('供电企业：').first().waitFor()
  await j.type('详细地址', detail)
  await j.continue()
}

/** 王芳 (ID e-licence only; or `who`) signed in through 渝快办, as a resident, up to the licences page. */
export async function residentToLicences(j: Journey, who = '王'): Promise<void> {
  await signInWithYkb(j, who)
  await chooseService(j, '居民新装')
  await applicantOwner(j)
  await addressIn(j, '高笋塘街道', '演示路12号3单元501')
  await loadOf(j, '8', '居民生活')
  await j.at('证照材料')
}

/** 证照材料 with the holder's authorised e-licences (ID card and property certificate), then 继续. */
export async function authorisedLicences(j: Journey): Promise<void> {
  await j.at('证照材料')
  await j.tap('同意并一键调取')
  await card(j.page, '不动产权证书').waitFor()
  await j.continue()
}

export async function loadOf(j: Journey, kw: string, use: string): Promise<void> {
  await j.at('用电需求')
  await j.type('报装容量（千瓦）', kw)
  await j.tapRole('radio', use)
  await j.continue()
}

/**
 * Low voltage, on the check page (which must show each of `checkShows`): sign the contract at its foot and submit;
 * returns the application number.
 */
export async function checkSignSubmit(j: Journey, checkShows: string[] = []): Promise<string> {
  await j.at('核对信息')
  await j.page.locator('.contract__title').filter({ visible: true }).waitFor()
  const check = await visibleText(j.page)
  for (const words of checkShows) expect(check).toContain(words)
  await j.tapRole('checkbox', '已阅读并同意')
  await j.continue('签署并提交申请')
  return atResult(j)
}

/** Waits for the result page, records it, and returns the application number. */
export async function atResult(j: Journey): Promise<string> {
  const number = await resultNumber(j.page)
  j.screens.push('结果')
  await j.snap('result')
  return number
}

/** Ticks the checkbox of a confirmation row (`.confirm-row`) by its words, and waits until it is ticked. */
export async function tickConfirm(j: Journey, words: string): Promise<void> {
  const row = j.page.locator('.confirm-row', { hasText: words }).filter({ visible: true }).first()
  await j.tap(row.locator('taro-checkbox-core, input[type=checkbox]').first())
  await row.locator('input[type=checkbox]:checked').waitFor({ state: 'attached' })
}

// ---- the licence page's fallbacks -----------------------------------------------------------------------------

/** The holder's 渝快办 on their own phone: the 亮证 page (or the paper certificate's QR) in another context. */
export async function holderPhone(env: JourneyEnv, url: string): Promise<{ holder: Page; qr: string; close: () => Promise<void> }> {
  const ctx = await phoneContext(env.browser)
  const holder = await ctx.newPage()
  await holder.goto(env.server.url + url)
  const qr = (await holder.locator('textarea').first().inputValue()).trim()
  return { holder, qr, close: () => ctx.close() }
}

/** The holder answers the use request once it shows up (the page refreshes its request list every 3 s). */
export async function holderDecides(holder: Page, decision: '同意用证' | '拒绝'): Promise<void> {
  const button = holder.getByRole('button', { name: decision, exact: true }).first()
  await button.waitFor({ timeout: 15_000 })
  await button.tap()
  await holder.getByText('暂无待确认的请求').waitFor({ timeout: 15_000 })
}

/** Pastes QR content into the open scan panel (H5 has no camera) and taps 核验. */
export async function pasteQr(j: Journey, section: Locator, content: string): Promise<void> {
  const box = section.getByLabel('二维码内容', { exact: true })
  await box.waitFor()
  await box.fill(content)
  await j.tap(section.locator('taro-button-core, .taro-button-core, button', { hasText: '核验' }).first())
}

/** A scratch folder for files the "phone" picks. */
export function scratchDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'wz-e2e-files-'))
}

/** Downloads one of the server's files (e.g. the demo ID photos) into `dir`. */
export async function download(env: JourneyEnv, urlPath: string, dir: string): Promise<string> {
  const res = await fetch(env.server.url + urlPath)
  if (!res.ok) throw new Error(`GET ${urlPath}: ${res.status}`)
  const file = path.join(dir, path.basename(urlPath))
  fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()))
  return file
}

/** Taps a button that opens the H5 file chooser (a hidden input made on tap) and picks `file`. */
export async function pickFile(j: Journey, button: Locator, file: string): Promise<void> {
  const [chooser] = await Promise.all([j.page.waitForEvent('filechooser', { timeout: 10_000 }), j.tap(button)])
  await chooser.setFiles(file)
}

/**
 * The collected problems minus those a test provoked on purpose. Chromium logs every 4xx answer as a console
 * error ("Failed to load resource"), so a deliberately wrong input shows up there; name each one exactly.
 */
export function unexpected(problems: string[], expected: RegExp[]): string[] {
  return problems.filter((p) => !expected.some((e) => e.test(p)))
}
