import type { FastifyInstance, FastifyReply } from 'fastify'
import formbody from '@fastify/formbody'
import { maskId, maskMobile, maskName } from '../../src/core/masking'
import { DEMO_IDENTITIES } from '../seed/demo-data'
import { consentPage, errorPage, SCOPE_TEXT, type AccountChoice } from './consent-html'
import { isAllowedRedirect, withParams } from './redirect-uri'
import { issueCode } from './oauth-code'
import { isCrossSitePost } from '../http/same-origin'
import { demoIdentities, type SimDb } from './sim-store'

export interface YkbPageDeps {
  /** the simulator's store */
  db: SimDb
  now: () => Date
  /** where authorisation results may go back to (mock/http/public-origin.ts) */
  publicOrigin: () => string
}

interface AuthorizeRequest {
  redirectUri: string
  state: string
  scopes: string[]
}

const DEFAULT_SCOPE = 'base,user,mobile'
const text = (v: unknown, fallback = '') => (typeof v === 'string' ? v : fallback)

/** Reads redirect_uri, state and scope (from the query or the form); a string is the reason it is refused. */
function readRequest(input: Record<string, unknown>, publicOrigin: string): AuthorizeRequest | string {
  const redirectUri = text(input.redirect_uri)
  if (!isAllowedRedirect(redirectUri, publicOrigin)) return '回调地址（redirect_uri）不被允许：授权结果只能返回本应用。'
  const state = text(input.state)
  if (state.length > 256) return '参数 state 过长。'
  const scopes = [...new Set(text(input.scope, DEFAULT_SCOPE).split(',').map((s) => s.trim()).filter(Boolean))]
  // own keys only: `in` would also take inherited names such as 'toString' (a 500 on the consent page)
  if (scopes.length === 0 || scopes.some((s) => !Object.prototype.hasOwnProperty.call(SCOPE_TEXT, s))) return '申请的授权范围（scope）无法识别。'
  return { redirectUri, state, scopes }
}

/** The demo identities, masked, in the order of the demo data. */
function demoAccounts(db: SimDb): AccountChoice[] {
  const rows = demoIdentities(db)
  return DEMO_IDENTITIES.flatMap((d) => rows.filter((r) => r.id === d.key).map((r) => ({
    id: r.id, nameMasked: maskName(r.name), idMasked: maskId(r.id_number), mobileMasked: maskMobile(r.mobile), note: d.role,
  })))
}

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.status(status)
    .header('cache-control', 'no-store')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
    .type('text/html; charset=utf-8')
    .send(body)
}

/**
 * The simulator's consent page (渝快办's side of the OAuth-like login; demo only), outside the contract: GET shows the consent page, POST (form-encoded)
 * issues a one-time code and redirects back with `code` and `state`, or `error=access_denied` on 拒绝.
 */
export function ykbAuthorizePage(app: FastifyInstance, deps: YkbPageDeps): void {
  // Encapsulated: the form-body parser applies to these routes only, never to the JSON API.
  void app.register(async (scope) => {
    await scope.register(formbody, { bodyLimit: 4096 })

    scope.get('/ykb/authorize', async (req, reply) => {
      const request = readRequest(req.query as Record<string, unknown>, deps.publicOrigin())
      if (typeof request === 'string') return html(reply, 400, errorPage(request))
      return html(reply, 200, consentPage({ ...request, accounts: demoAccounts(deps.db) }))
    })

    scope.post('/ykb/authorize', async (req, reply) => {
      if (isCrossSitePost(req, deps.publicOrigin())) return html(reply, 403, errorPage('请在渝快办页面内操作：不接受来自其他网站的请求。'))
      const form = (req.body ?? {}) as Record<string, unknown>
      const request = readRequest(form, deps.publicOrigin())
      if (typeof request === 'string') return html(reply, 400, errorPage(request))
      const state: Record<string, string> = request.state ? { state: request.state } : {}
      if (text(form.decision) !== 'allow') {
        return reply.redirect(withParams(request.redirectUri, { error: 'access_denied', ...state }), 302)
      }
      const identity = text(form.identity)
      if (!demoAccounts(deps.db).some((a) => a.id === identity)) return html(reply, 400, errorPage('请选择一个渝快办账号。'))
      const code = issueCode(deps.db, identity, request.scopes, deps.now())
      return reply.redirect(withParams(request.redirectUri, { code, ...state }), 302)
    })
  })
}
