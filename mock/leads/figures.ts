// The month's 主动服务 leads for the oversight figures: registered in it, or decided in it. No personal data is read.
import type { LeadRecord } from '../../src/core/oversight'
import { monthBounds } from '../../src/core/stats'
import type { Db } from '../db/open'

export function monthLeads(db: Db, month: string): LeadRecord[] {
  const { start, end } = monthBounds(month)
  return db.prepare(`SELECT supplier, registered_at AS registeredAt, state, decided_at AS decidedAt FROM lead
    WHERE (registered_at >= @start AND registered_at < @end) OR (decided_at >= @start AND decided_at < @end)`).all({ start, end }) as LeadRecord[]
}
