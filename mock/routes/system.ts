import type { FastifyInstance } from 'fastify'
import { endpoints } from '../../src/contract'
import { MATERIALS, SUPPLIERS } from '../../src/core/services'
import { TOWNSHIPS } from '../../src/core/wanzhou'
import { servicesUnder, SUPPLIER_RULE } from '../../src/core/supply-settings'
import { currentSupply } from '../supply-source'
import { calendarYears } from '../calendar-source'
import { schemaVersion, type Db } from '../db/open'
import { route, type RouteOptions } from '../http/route'
import { outboxBacklog } from '../utilities/outbox'
import { smsBacklog } from '../sms/outbox'
import type { YkbGateway } from '../ykb-gateway/port'
import type { UtilityConnections } from '../utilities/connections'

export interface SystemDeps {
  db: Db
  version: string
  calendarOverrideFile: string
  ykb: YkbGateway
  connections: UtilityConnections
}

export function systemRoutes(app: FastifyInstance, deps: SystemDeps, opts: RouteOptions): void {
  const started = Date.now()
  route(app, endpoints.health, () => ({
    status: 'ok' as const,
    version: deps.version,
    db: {
      ok: (deps.db.prepare('SELECT 1 AS one').get() as { one: number }).one === 1,
      journalMode: String(deps.db.pragma('journal_mode', { simple: true })),
      schemaVersion: schemaVersion(deps.db),
    },
    uptimeSeconds: Math.round((Date.now() - started) / 1000),
    dispatch: outboxBacklog(deps.db),
    sms: smsBacklog(deps.db),
    ykb: { circuit: deps.ykb.circuit() },
  }), opts)

  // the limits and the split new applications are submitted under (the configured ones); a utility not connected
  // yet is not offered
  route(app, endpoints.services, () => ({
    services: servicesUnder(currentSupply(deps.db).settings).filter((s) => !s.provider || deps.connections.offers(s.provider)),
    materials: MATERIALS,
    suppliers: SUPPLIERS.filter((p) => deps.connections.offers(p.code)).map(({ intake: _intake, ...publicFields }) => publicFields),
  }), opts)

  route(app, endpoints.calendar, ({ query }) => {
    const { years, source } = calendarYears(deps.calendarOverrideFile)
    const from = query.from ?? 0
    return { years: Object.fromEntries(Object.entries(years).filter(([y]) => Number(y) >= from)), source }
  }, opts)

  route(app, endpoints.townships, () => {
    const { suppliers } = currentSupply(deps.db).settings
    return { townships: TOWNSHIPS.map((t) => ({ ...t, supplier: suppliers[t.code] })), supplierRule: SUPPLIER_RULE }
  }, opts)
}
