import type { FastifyInstance } from 'fastify'
import { scriptHash } from '../http/h5-csp'

const CALLBACK_PAGE = '/packages/account/pages/ykb-callback/index'
const JSDK_ORIGIN = 'https://res.wx.qq.com'
const SAFE = /^[A-Za-z0-9_-]{1,128}$/

/**
 * The redirect target of 渝快办 consent when it runs inside the mini-program's web-view: hands the one-time
 * code (or the refusal) back to the mini-program's callback page with wx.miniProgram.redirectTo (WeChat
 * JS-SDK). Only values of a safe shape are passed on; anything else becomes a refusal.
 */
export function miniCallbackPage(app: FastifyInstance): void {
  app.get('/ykb/mini-callback', async (req, reply) => {
    const q = req.query as Record<string, string | undefined>
    const code = q.code && SAFE.test(q.code) ? q.code : null
    const state = q.state && SAFE.test(q.state) ? q.state : ''
    const target = code ? `${CALLBACK_PAGE}?code=${code}&state=${state}` : `${CALLBACK_PAGE}?error=access_denied&state=${state}`
    const script = `wx.miniProgram.redirectTo({ url: ${JSON.stringify(target)} })`
    const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>返回万州办电</title><script src="${JSDK_ORIGIN}/open/js/jweixin-1.6.0.js"></script></head>
<body style="font:17px/1.6 sans-serif;padding:24px"><p>正在返回“万州办电”…</p>
<script>${script}</script></body></html>`
    // WeChat's JS-SDK and this one script, by hash; nothing else runs
    const csp = `default-src 'none'; script-src ${JSDK_ORIGIN} ${scriptHash(script)}; style-src 'unsafe-inline'; frame-ancestors 'none'`
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('content-security-policy', csp).send(html)
  })
}
