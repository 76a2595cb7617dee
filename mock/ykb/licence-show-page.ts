// The simulator's holder pages for 亮证 (demo only, outside the contract): the holder shows a dynamic code and
// approves or refuses the use requests apps create from it. They play the holder's own 渝快办 app in demos and tests.
import formbody from '@fastify/formbody'
import type { FastifyInstance, FastifyPluginAsync, FastifyReply } from 'fastify'
import { z } from 'zod'
import { maskName } from '../../src/core/masking'
import { demoIdentity, licencesOf, TYPE_OF_KIND } from './sim-licences'
import { decideTxn, getTxn, showCodeFor, SHOW_KINDS, type ShowKind } from './sim-show'
import type { SimDb, SimIdentity } from './sim-store'
import { qrSvg, sendPage, sendProblem } from './licence-html'
import { isCrossSitePost } from '../http/same-origin'
import { escapeHtml } from './consent-html'
import { licenceDemoPages } from './licence-demo-pages'
import { KIND_SHORT, requestsSection } from './licence-show-requests'
import { SHOW_PAGE_SCRIPT } from './licence-show-script'

/** The simulator's store and clock, the 亮证 code lifetime, and the origin its pages are served from. */
export interface LicencePageDeps {
  db: SimDb
  now: () => Date
  showTtlSeconds: number
  publicOrigin: () => string
}

const kindInput = z.enum(SHOW_KINDS).default('id-card')
const holderInput = z.object({ identity: z.string().max(64), kind: kindInput })
const decisionInput = z.object({ decision: z.enum(['approve', 'refuse']), kind: kindInput })

export const showPageUrl = (identityId: string, kind: ShowKind) =>
  `/ykb/licence-show?identity=${encodeURIComponent(identityId)}&kind=${kind}`

async function holderPage(deps: LicencePageDeps, reply: FastifyReply, holder: SimIdentity, kind: ShowKind): Promise<FastifyReply> {
  const now = deps.now()
  const code = showCodeFor(deps.db, { identityId: holder.id, kind, ttlSeconds: deps.showTtlSeconds, now })
  const remaining = Math.max(0, Math.round((code.expiresAt.getTime() - now.getTime()) / 1000))
  const other: ShowKind = kind === 'id-card' ? 'property' : 'id-card'
  const none = licencesOf(deps.db, holder.id_number, TYPE_OF_KIND[kind]).length === 0
    ? `<p class="warn">您名下没有${KIND_SHORT[kind]}电子证照（演示：扫码方将收到“未查询到该电子证照”）。</p>` : ''
  const body = `<header><p>渝快办 · 亮证（演示）</p><h1>出示${escapeHtml(KIND_SHORT[kind])}电子证照</h1><p>持证人：${escapeHtml(maskName(holder.name))}</p></header>
<section aria-labelledby="code-h"><h2 id="code-h">亮证码</h2>${none}
${await qrSvg(code.content, `${KIND_SHORT[kind]}亮证二维码`)}
<label for="qr-text">二维码内容（在电脑或H5上无法扫码时，复制后粘贴到办电页面）</label>
<textarea id="qr-text" readonly rows="2">${escapeHtml(code.content)}</textarea>
<p id="countdown" data-remaining="${remaining}">有效期剩余 <strong>${Math.floor(remaining / 60)}分${String(remaining % 60).padStart(2, '0')}秒</strong>，过期后自动更新</p>
<form method="post" action="/ykb/licence-show/codes" class="row"><input type="hidden" name="identity" value="${escapeHtml(holder.id)}">
<input type="hidden" name="kind" value="${kind}"><button type="button" id="copy" class="primary">复制二维码内容</button>
<button type="submit">刷新亮证码</button></form></section>
${requestsSection(deps.db, holder.id, kind, now)}
<nav><a href="${escapeHtml(showPageUrl(holder.id, other))}">改为出示${KIND_SHORT[other]}</a><a href="/ykb/">全部演示页面</a></nav>`
  return sendPage(reply, 200, `亮证 · ${KIND_SHORT[kind]}`, body, SHOW_PAGE_SCRIPT)
}

function holderRoutes(app: FastifyInstance, deps: LicencePageDeps): void {
  // the holder's decisions are form posts: a page on another site must not be able to make them
  app.addHook('preHandler', async (req, reply) => {
    if (req.method === 'POST' && isCrossSitePost(req, deps.publicOrigin())) return sendProblem(reply, 403, '请在渝快办页面内操作：不接受来自其他网站的请求')
  })

  app.get('/ykb/licence-show', async (req, reply) => {
    const input = holderInput.safeParse(req.query)
    const holder = input.success ? demoIdentity(deps.db, input.data.identity) : undefined
    if (!input.success || !holder) return sendProblem(reply, 404, '未找到该演示持证人，请从演示首页进入')
    return holderPage(deps, reply, holder, input.data.kind)
  })

  app.post('/ykb/licence-show/codes', async (req, reply) => {
    const input = holderInput.safeParse(req.body)
    const holder = input.success ? demoIdentity(deps.db, input.data.identity) : undefined
    if (!input.success || !holder) return sendProblem(reply, 404, '未找到该演示持证人，请从演示首页进入')
    showCodeFor(deps.db, { identityId: holder.id, kind: input.data.kind, ttlSeconds: deps.showTtlSeconds, now: deps.now(), fresh: true })
    return reply.redirect(showPageUrl(holder.id, input.data.kind), 303)
  })

  app.post<{ Params: { txnId: string } }>('/ykb/licence-show/requests/:txnId', async (req, reply) => {
    const input = decisionInput.safeParse(req.body)
    if (!input.success) return sendProblem(reply, 400, '请选择同意用证或拒绝')
    const txn = getTxn(deps.db, req.params.txnId)
    if (!txn || !decideTxn(deps.db, txn.id, input.data.decision, deps.now())) return sendProblem(reply, 409, '该用证请求已处理或已过期')
    return reply.redirect(showPageUrl(txn.identity_id, input.data.kind), 303)
  })
}

/** All the simulator's licence pages, in their own scope (form bodies are parsed here only, unless already parsed). */
export function licencePages(deps: LicencePageDeps): FastifyPluginAsync {
  return async (scope) => {
    if (!scope.hasContentTypeParser('application/x-www-form-urlencoded')) await scope.register(formbody)
    holderRoutes(scope, deps)
    licenceDemoPages(scope, deps)
  }
}
