import fs from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { endpoints } from '../../src/contract'
import { SERVICES, MATERIALS, SUPPLIERS } from '../../src/core/services'
import { TOWNSHIPS, SUPPLIER_RULE } from '../../src/core/wanzhou'
import { BUNDLED_CALENDAR, mergeCalendarData, type CalendarData } from '../../src/core/calendar/calendar'
import { schemaVersion, type Db } from '../db/open'
import { route, type RouteOptions } from '../http/route'

export interface SystemDeps {
  db: Db
  version: string
  calendarOverrideFile: string
}

/** Reads the override file on each request, so a newly published year takes effect without a restart. */
function calendarYears(file: string): { years: CalendarData; source: string } {
  if (!fs.existsSync(file)) return { years: BUNDLED_CALENDAR, source: 'bundled 2021–2026' }
  const override = JSON.parse(fs.readFileSync(file, 'utf8')) as CalendarData
  return { years: mergeCalendarData(BUNDLED_CALENDAR, override), source: `bundled 2021–2026 + override (${Object.keys(override).join(', ')})` }
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
  }), opts)

  route(app, endpoints.services, () => ({ services: SERVICES, materials: MATERIALS, suppliers: SUPPLIERS }), opts)

  route(app, endpoints.calendar, ({ query }) => {
    const { years, source } = calendarYears(deps.calendarOverrideFile)
    const from = query.from ?? 0
    return { years: Object.fromEntries(Object.entries(years).filter(([y]) => Number(y) >= from)), source }
  }, opts)

  route(app, endpoints.townships, () => ({ townships: TOWNSHIPS, supplierRule: SUPPLIER_RULE }), opts)
}
