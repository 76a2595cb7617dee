import type { ServiceThread } from './service-thread'
import { rootOf, walk } from './page-data'
import type { NodeKind } from './templates'
import { toServer } from './fake-wx'

/** The address the top page's <web-view> shows (Taro keeps it among the node's props). */
export function webViewSrc(thread: ServiceThread, kinds: Map<string, NodeKind>): string {
  for (const { node } of walk(rootOf(thread.top().data))) {
    if (kinds.get(node.nn)?.tag !== 'web-view') continue
    const src = Object.values(node).find((v): v is string => typeof v === 'string' && /^https?:\/\//.test(v))
    if (src) return src
  }
  throw new Error(`no <web-view> with an address on ${thread.top().route}`)
}

const hiddenFields = (html: string) => Object.fromEntries(
  [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2].replace(/&amp;/g, '&')]))

/**
 * A person inside the <web-view>: 渝快办's consent page loads, they pick `identity` and press 同意授权; the page
 * it redirects to runs `wx.miniProgram.redirectTo(...)` (WeChat's JS-SDK), which opens that mini-program page.
 */
export async function consentInWebView(thread: ServiceThread, kinds: Map<string, NodeKind>, serverUrl: string, identity: string): Promise<void> {
  const src = toServer(webViewSrc(thread, kinds), serverUrl)
  const page = await fetch(src)
  if (!page.ok) throw new Error(`渝快办 consent page answered ${page.status}`)
  const form = new URLSearchParams({ ...hiddenFields(await page.text()), identity, decision: 'allow' })
  const agreed = await fetch(new URL('/ykb/authorize', serverUrl), {
    method: 'POST', body: form, redirect: 'manual', headers: { origin: serverUrl, 'content-type': 'application/x-www-form-urlencoded' },
  })
  const location = agreed.headers.get('location')
  if (agreed.status !== 302 || !location) throw new Error(`同意授权 answered ${agreed.status}: ${await agreed.text()}`)
  const back = await (await fetch(new URL(location, serverUrl))).text()
  const target = /wx\.miniProgram\.redirectTo\(\{ url: ("[^"]+") \}\)/.exec(back)
  if (!target) throw new Error(`the callback page does not hand back to the mini-program:\n${back}`)
  thread.redirectFromWebView(JSON.parse(target[1]) as string)
  await thread.idle()
}
