// A hand-computed month: October 2026, with the National Day holidays (10-01..10-07 off, Saturday 10-10 worked)
// and cases reaching back into September. Working days are counted by hand in the comments; times are China time.
import { calendar } from '@/core/calendar/calendar'
import type { ProgressEvent } from '@/core/progress'
import { serviceByCode, type Service, type ServiceCode, type SupplierCode } from '@/core/services'
import { caseFigures, type CaseFigures, type CaseRecord, type RatingRecord } from '@/core/stats'
import { cn, history } from '../progress/history'

type H = ReturnType<typeof history>

/** Each case's history by its number, for comparing with deriveProgress. */
export const HISTORIES: Record<string, ProgressEvent[]> = {}

function record(number: string, service: ServiceCode, build: (h: H) => void, supplier: SupplierCode = 'sgcc-wanzhou'): CaseRecord & CaseFigures {
  const h = history()
  build(h)
  HISTORIES[number] = h.events
  const figures = caseFigures({ service: serviceByCode(service) as Service, submittedAt: h.events[0].at, events: h.events, calendar })
  return { number, service, supplier, townshipCode: '500101138', submittedAt: h.events[0].at, ...figures }
}

/** 低压 accept-sign then build-connect, both finished, then completed. */
const lv = (h: H, submitted: string, accepted: string, built: string) => {
  h.submit(submitted, 'accept-sign')
  h.add('stage-finished', accepted, 'accept-sign')
  h.stage('build-connect', accepted, built)
  h.add('completed', built)
}

export const CASES = {
  // Sep 29 → Oct 12 across the holidays: whole 5 (09-30, 10-08, 10-09, 10-10, 10-12); accept 1; build 4.
  c1: record('C1', 'lv-business', (h) => lv(h, '2026-09-29 10:00', '2026-09-30 10:00', '2026-10-12 15:00')),
  // Oct 12 → 22, paused (10-14, 10-19] = 10-15, 10-16, 10-19: whole 8 − 3 = 5; accept 1; build 7 − 3 = 4.
  c2: record('C2', 'lv-business', (h) => {
    h.submit('2026-10-12 09:00', 'accept-sign')
    h.add('stage-finished', '2026-10-13 09:00', 'accept-sign')
    h.add('stage-started', '2026-10-13 09:00', 'build-connect')
    h.add('paused', '2026-10-14 10:00', null, { pauseReason: 'awaiting-applicant' })
    h.add('resumed', '2026-10-19 10:00')
    h.add('stage-finished', '2026-10-22 16:00', 'build-connect')
    h.add('completed', '2026-10-22 16:00')
  }),
  // Oct 14 → 27: whole 9 (over 7 from 10-26, its 8th working day); accept 2 (over 1); build 7 (over 6).
  c3: record('C3', 'lv-business', (h) => lv(h, '2026-10-14 10:00', '2026-10-16 10:00', '2026-10-27 10:00')),
  // 居民 Oct 8 → 12: whole 3 (10-09, 10-10, 10-12); accept 1; build 2.
  c4: record('C4', 'resident', (h) => lv(h, '2026-10-08 10:00', '2026-10-09 10:00', '2026-10-12 14:00')),
  // 10 kV Sep 28 → Oct 28: 18 working days, customer works (10-15, 10-21] = 4 paused: whole 14.
  // apply-accept 1; supply-plan 7 (09-30, 10-08..10-14); external-works 7 − 4 = 3; meter-connect 3 (10-26..10-28).
  c5: record('C5', 'hv-10kv', (h) => {
    h.submit('2026-09-28 10:00', 'apply-accept')
    h.add('stage-finished', '2026-09-29 10:00', 'apply-accept')
    h.stage('supply-plan', '2026-09-29 10:00', '2026-10-14 10:00')
    h.add('stage-started', '2026-10-14 10:00', 'external-works')
    h.add('paused', '2026-10-15 10:00', 'external-works', { pauseReason: 'customer-works' })
    h.add('resumed', '2026-10-21 10:00', 'external-works')
    h.add('stage-finished', '2026-10-23 10:00', 'external-works')
    h.stage('meter-connect', '2026-10-23 10:00', '2026-10-28 15:00')
    h.add('completed', '2026-10-28 15:00')
  }),
  // Open from Oct 20, running: 1 day used at 10-21, its 8th working day is 10-30 — overdue at the month's end.
  c6: record('C6', 'lv-business', (h) => {
    h.submit('2026-10-20 10:00', 'accept-sign')
    h.add('stage-finished', '2026-10-21 10:00', 'accept-sign')
    h.add('stage-started', '2026-10-21 10:00', 'build-connect')
  }),
  // Open from Oct 29: 1 day used (10-30) at the month's end.
  c7: record('C7', 'lv-business', (h) => h.submit('2026-10-29 10:00', 'accept-sign')),
  // Withdrawn the day after.
  c8: record('C8', 'lv-business', (h) => { h.submit('2026-10-26 10:00', 'accept-sign'); h.add('withdrawn', '2026-10-27 10:00') }),
  // 三峡水利, Oct 19 → 22: whole 3; accept 1; build 2.
  c9: record('C9', 'lv-business', (h) => lv(h, '2026-10-19 10:00', '2026-10-20 10:00', '2026-10-22 10:00'), 'sanxia'),
  // Submitted in November: not October's.
  c10: record('C10', 'lv-business', (h) => h.submit('2026-11-02 10:00', 'accept-sign')),
  // Open since September, waiting for the applicant since 09-24 with 3 days used (09-22..09-24).
  c11: record('C11', 'lv-business', (h) => {
    h.submit('2026-09-21 10:00', 'accept-sign')
    h.add('supplement-requested', '2026-09-24 10:00', 'accept-sign')
  }),
}

const rating = (number: string, grade: number, local: string, followUp?: string, supplier: SupplierCode = 'sgcc-wanzhou'): RatingRecord =>
  ({ number, supplier, grade, ratedAt: cn(local), followUp: followUp ? { deadline: followUp, estimated: false, closed: false } : null })

export const RATINGS: RatingRecord[] = [
  rating('C1', 5, '2026-10-13 09:00'),
  // 15 working days after 10-23: 10-26..10-30, 11-02..11-06, 11-09..11-13
  rating('C2', 2, '2026-10-23 11:00', '2026-11-13'),
  rating('C3', 3, '2026-11-02 09:00'),
  rating('C4', 4, '2026-10-14 09:00'),
  rating('C9', 1, '2026-10-23 10:00', '2026-11-13', 'sanxia'),
]
