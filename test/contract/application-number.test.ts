import { openDb } from '../../mock/db/open'
import { dailyMaxSql, nextApplicationNumber } from '../../mock/applications/number'

/** Stores a bare application row under `number` (only the numbering is under test, so no owner or draft is needed). */
function store(db: ReturnType<typeof openDb>, number: string): void {
  db.prepare(`INSERT INTO application (number, owner_id, draft_id, service, supplier, township_code, answers_json, signature_json,
    submitted_at, expected_by, expected_by_estimated, receipt_json) VALUES (?, 'u', ?, 'resident', 'sgcc-wanzhou', '500101001', '{}', NULL, ?, '2026-12-08', 0, '{}')`)
    .run(number, `draft-${number}`, new Date().toISOString())
}

describe('application numbers', () => {
  const db = openDb(':memory:')
  db.pragma('foreign_keys = OFF')
  afterAll(() => db.close())

  it('should start each China day at 000001 and count on from the day\'s highest number', () => {
    const at = new Date('2026-11-26T16:30:00Z') // 00:30 on 27 November in China
    expect(nextApplicationNumber(db, at)).toBe('WZ20261127000001')
    store(db, 'WZ20261126000007')
    store(db, 'WZ20261127000001')
    store(db, 'WZ20261127000002')
    store(db, 'WZ20261128000001')
    expect(nextApplicationNumber(db, at)).toBe('WZ20261127000003')
    expect(nextApplicationNumber(db, new Date('2026-11-26T03:00:00Z'))).toBe('WZ20261126000008')
  })

  it('should refuse a 1,000,000th application of one day with CONFLICT', () => {
    store(db, 'WZ20261201999999')
    expect(() => nextApplicationNumber(db, new Date('2026-12-01T03:00:00Z'))).toThrow(expect.objectContaining({ code: 'CONFLICT' }))
  })

  it('should find the day\'s highest number through the primary key, not by scanning the table', () => {
    const sql = dailyMaxSql('application')
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('WZ20261127000000', 'WZ20261127999999') as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/SEARCH application USING (COVERING )?INDEX \S+ \(number>\? AND number<\?\)/)
  })
})
