import type { FastifyInstance } from 'fastify'
import { endpoints } from '../../src/contract'
import { route, type RouteOptions } from '../http/route'
import type { ProgressDeps } from '../progress/case'
import { storeRecords } from '../push/records'
import { pushClientOf, requirePushSignature } from '../push/verify'

/**
 * 办件 process records pushed by the supply enterprises (server to server, HMAC-signed; see push/signing.ts).
 * A plugin of its own, so the raw-body JSON parser and the signature check apply to this route only.
 */
export function pushRoutes(deps: ProgressDeps, opts: RouteOptions) {
  return async (scope: FastifyInstance): Promise<void> => {
    requirePushSignature(scope, deps.db, deps.now)
    route(scope, endpoints.push, ({ body, req }) => {
      const client = pushClientOf(req)
      const { results, notices } = storeRecords(deps, client, body.records)
      const stored = results.filter((r) => r.status === 'stored').length
      req.log.info({ appKey: client.appKey, stored, duplicates: results.length - stored }, 'case records pushed')
      for (const n of notices) req.log.info({ number: n.number, kind: n.kind, template: n.template, text: n.text }, 'notification queued')
      return { results }
    }, opts)
  }
}
