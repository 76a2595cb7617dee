// The owed 小微 checks: the retry schedule, and recording an answer exactly once however often it is asked.
import { openDb } from '../../../mock/db/open'
import { dueChecks, owedCheckOf, recordLookup, retryDelayMs, RETRY } from '../../../mock/sme-registry/owed'
import type { SmeLookup } from '../../../mock/sme-registry/port'
import { NOT_CONNECTED, smallMicroOf } from '../../../mock/sme-registry/view'

describe('the retry schedule', () => {
  it('should wait 15–30 s after the first failure, doubling, never more than an hour', () => {
    expect([retryDelayMs(1, () => 0), retryDelayMs(1, () => 1)]).toEqual([15_000, 30_000])
    expect([2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n, () => 1))).toEqual([60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000])
    expect([8, 9, 20, 1000].map((n) => retryDelayMs(n, () => 1))).toEqual([RETRY.capMs, RETRY.capMs, RETRY.capMs, RETRY.capMs])
    expect(retryDelayMs(30, () => 0)).toBe(RETRY.capMs / 2)
  })
})

describe('recording a lookup', () => {
  const at = new Date('2026-11-26T02:00:00Z')
  const found: SmeLookup = { outcome: 'found', record: { creditCode: '91500101MA5UMY0L1K', scale: 'small', isSmallMicro: true, basis: '依据《中小企业划型标准规定》', source: '名录', recordedOn: '2026-11-23' } }
  let db: ReturnType<typeof openDb>
  beforeEach(() => {
    db = openDb(':memory:')
    db.pragma('foreign_keys = OFF')
    db.prepare(`INSERT INTO small_micro_check (application_number, credit_code, created_at, next_attempt_at) VALUES ('WZ1', '91500101MA5UMY0L1K', ?, ?)`).run(at.toISOString(), at.toISOString())
  })
  afterEach(() => db.close())
  const events = () => db.prepare(`SELECT type, actor, payload_json FROM application_event WHERE application_number = 'WZ1'`).all() as { type: string; actor: string; payload_json: string }[]

  it('should move a failed check into the future with its reason, recording no event', () => {
    const row = dueChecks(db, at, 10)[0]
    expect(recordLookup(db, row, { outcome: 'unavailable', reason: 'HTTP 503' }, at, () => 1)).toBe(false)
    expect(owedCheckOf(db, 'WZ1')).toMatchObject({ state: 'owed', attempts: 1, last_error: 'HTTP 503', next_attempt_at: '2026-11-26T02:00:30.000Z' })
    expect(dueChecks(db, new Date(at.getTime() + 29_999), 10)).toEqual([])
    expect(dueChecks(db, new Date(at.getTime() + 30_000), 10)).toHaveLength(1)
    expect(events()).toEqual([])
  })

  it('should record an answer once: a second worker holding the same row (or a repeat after a crash) records nothing more', () => {
    const row = dueChecks(db, at, 10)[0]
    const again = { ...row }
    expect(recordLookup(db, row, found, at)).toBe(true)
    expect(recordLookup(db, again, found, at)).toBe(false)
    expect(recordLookup(db, again, { outcome: 'unavailable', reason: 'late failure' }, at)).toBe(false)
    expect(events()).toEqual([{ type: 'small-micro-checked', actor: 'system', payload_json: JSON.stringify({ smallMicro: 'small', basis: '依据《中小企业划型标准规定》', registrySource: '名录', registryDate: '2026-11-23' }) }])
    expect(owedCheckOf(db, 'WZ1')).toMatchObject({ state: 'recorded', last_error: null })
    expect(dueChecks(db, new Date(at.getTime() + 86_400_000), 10)).toEqual([])
  })
})

describe('what staff see while a check is owed', () => {
  const at = new Date('2026-11-26T02:00:00Z')
  it('should say why and when next when the registry is reached, and only why when it is not connected', () => {
    const db = openDb(':memory:')
    db.pragma('foreign_keys = OFF')
    db.prepare(`INSERT INTO small_micro_check (application_number, credit_code, created_at, next_attempt_at) VALUES ('WZ1', '91500101MA5UMY0L1K', ?, ?)`).run(at.toISOString(), at.toISOString())
    expect(smallMicroOf(db, 'WZ1', [], { connected: true })?.pending).toEqual({ reason: '提交时已登记，正在向国家小微企业名录查询', attempts: 0, nextAttemptAt: at.toISOString() })
    expect(smallMicroOf(db, 'WZ1', [], NOT_CONNECTED)).toMatchObject({
      status: 'pending', name: '待核验', pending: { reason: expect.stringContaining('未配置 SME_REGISTRY_URL'), attempts: 0, nextAttemptAt: null },
    })
    expect(smallMicroOf(db, 'WZ2', [], { connected: true })).toBeNull()
    db.close()
  })
})
