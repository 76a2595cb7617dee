import { z } from 'zod'
import { SUPPLIER_CODES } from '../core/services'

export const healthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  db: z.object({ ok: z.boolean(), journalMode: z.string(), schemaVersion: z.number().int() }),
  uptimeSeconds: z.number(),
  /** the outbox of dispatches to the utilities: waiting for delivery, and refused by the utility (staff must look) */
  dispatch: z.object({ pending: z.number().int().nonnegative(), refused: z.number().int().nonnegative() }),
  /** the SMS outbox: waiting for the gateway, and refused by it or never taken (after 10 attempts) */
  sms: z.object({ pending: z.number().int().nonnegative(), failed: z.number().int().nonnegative() }),
  /** the 渝快办 gateway's circuit breaker: closed (calls go out), open (refused at once after repeated failures), half-open (one trial call) */
  ykb: z.object({ circuit: z.enum(['closed', 'open', 'half-open']) }),
})
export type Health = z.infer<typeof healthSchema>

const yearData = z.object({ holidays: z.array(z.iso.date()), workdays: z.array(z.iso.date()) })
export const calendarSchema = z.object({
  years: z.record(z.string().regex(/^\d{4}$/), yearData),
  source: z.string(),
})
export type CalendarResponse = z.infer<typeof calendarSchema>

export const townshipSchema = z.object({
  code: z.string().regex(/^500101\d{3}$/),
  name: z.string(),
  kind: z.enum(['街道', '镇', '乡']),
  supplier: z.enum(SUPPLIER_CODES),
})
export const townshipsSchema = z.object({
  townships: z.array(townshipSchema),
  supplierRule: z.object({ source: z.literal('default'), description: z.string() }),
})
export type TownshipsResponse = z.infer<typeof townshipsSchema>
