// Draws pages of the weapp build roughly as WeChat's WebView renderer would, to look at: the page data through
// base.wxml's node kinds (a kind without a template draws nothing, as in WeChat), with the page's WXSS and rpx
// at a 390 px wide phone, in Chromium. Writes test/output/screenshots/weapp-*.png. An approximation, not a test.
// Run after `npm run build:weapp`: npx tsx test/weapp/draw-pages.ts
import fs from 'node:fs'
import path from 'node:path'
import { startInProcess } from '../contract/support/in-process'
import { Phone, WEAPP_DIR } from './runtime/phone'
import { CURRENT_BASE_LIBRARY } from './runtime/base-library'
import { rootOf, type RNode } from './runtime/page-data'
import type { NodeKind } from './runtime/templates'
import { launchBrowser, phoneContext, SCREENSHOT_DIR } from '../e2e/support/browser'

const WIDTH = 390
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')

function toHtml(node: RNode, kinds: Map<string, NodeKind>): string {
  const kind = kinds.get(node.nn)
  if (!kind) return ''
  if (typeof node.v === 'string') return esc(node.v)
  const inner = (node.cn ?? []).map((c) => toHtml(c, kinds)).join('')
  if (kind.tag === 'block') return inner
  return `<${kind.tag} class="${esc(String(node.cl ?? ''))}" style="${esc(String(node.st ?? ''))}">${inner}</${kind.tag}>`
}

/** A WXSS file with its @imports inlined and rpx turned into px for the phone's width. */
function wxss(file: string): string {
  if (!fs.existsSync(file)) return ''
  return fs.readFileSync(file, 'utf8')
    .replace(/@import\s+"([^"]+)";/g, (_, p: string) => wxss(path.resolve(path.dirname(file), p)))
    .replace(/(\d*\.?\d+)rpx/g, (_, n: string) => `${(Number(n) * WIDTH) / 750}px`)
}

async function main(): Promise<void> {
  const server = await startInProcess()
  const browser = await launchBrowser()
  const ctx = await phoneContext(browser)
  const month = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date())
  const shots: [string, Record<string, string>, [string, string] | null][] = [
    ['packages/public/pages/times/index', {}, null],
    ['packages/staff/pages/report/index', { month }, ['gw-banzhang', 'Demo-gw-bz-2026']],
    ['packages/staff/pages/monthly-report/index', {}, ['gw-banzhang', 'Demo-gw-bz-2026']],
    ['packages/oversight/pages/month/index', {}, ['wz-jxw', 'Demo-jxw-2026']],
  ]
  for (const [route, query, staff] of shots) {
    const phone = new Phone(server.url, CURRENT_BASE_LIBRARY)
    await phone.thread.launch()
    if (staff) {
      await phone.tap('工作人员入口')
      await phone.type('账号', staff[0])
      await phone.type('密码', staff[1])
      await phone.tap('登录')
    }
    const q = Object.entries(query).map(([k, v]) => `${k}=${v}`).join('&')
    ;(phone.thread.wx.reLaunch as (o: { url: string }) => void)({ url: `/${route}${q ? `?${q}` : ''}` })
    await phone.thread.idle()
    const body = (rootOf(phone.thread.top().data).cn ?? []).map((c) => toHtml(c, phone.kinds)).join('')
    const css = ['view, page { display: block; }', wxss(path.join(WEAPP_DIR, 'app.wxss')), wxss(path.join(WEAPP_DIR, `${route}.wxss`))].join('\n')
    const page = await ctx.newPage()
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><style>${css}</style></head><body style="margin:0"><page>${body}</page></body></html>`)
    const file = path.join(SCREENSHOT_DIR, `weapp-${route.split('/')[3]}.png`)
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
    await page.screenshot({ path: file, fullPage: true })
    process.stdout.write(`${file}\n`)
    await page.close()
    phone.close()
  }
  await browser.close()
  await server.close()
}

void main()
