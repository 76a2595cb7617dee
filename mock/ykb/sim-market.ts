// The simulator's market-registration feed (市场主体登记): businesses registered with their credit code, name,
// registered address and the 渝快办 id of their legal representative (负责人). What the supply enterprises' 主动服务
// reads through our gateway; the demo's businesses belong to the demo people.
import type { SimDb } from './sim-store'

export const MARKET_SCHEMA = `
  CREATE TABLE IF NOT EXISTS business (
    credit_code TEXT PRIMARY KEY, name TEXT NOT NULL, registered_on TEXT NOT NULL, address TEXT NOT NULL,
    representative_id TEXT NOT NULL REFERENCES identity (id), demo INTEGER NOT NULL DEFAULT 0
  );`

export interface SimBusiness {
  creditCode: string
  name: string
  registeredOn: string
  address: string
  representativeUserId: string
}

/** Demo businesses: 李明远's newly registered trading company and 王芳's shop (个体工商户). */
export const DEMO_BUSINESSES: SimBusiness[] = [
  { creditCode: '91500101MA5UMY0L1K', name: '重庆万州明远商贸有限公司', registeredOn: '2026-11-20', address: '重庆市万州区高笋塘街道新城路88号', representativeUserId: 'ykb-demo-li' },
  { creditCode: '92500101MA5UWF3C7M', name: '万州区王芳鲜花店', registeredOn: '2026-11-28', address: '重庆市万州区钟鼓楼街道白岩路12号', representativeUserId: 'ykb-demo-wang' },
]

export function seedDemoBusinesses(db: SimDb): void {
  db.exec(MARKET_SCHEMA)
  const insert = db.prepare(`INSERT OR IGNORE INTO business (credit_code, name, registered_on, address, representative_id, demo)
    SELECT @creditCode, @name, @registeredOn, @address, @representativeUserId, 1 WHERE EXISTS (SELECT 1 FROM identity WHERE id = @representativeUserId)`)
  db.transaction(() => { for (const b of DEMO_BUSINESSES) insert.run(b) })()
}

export function businessByCreditCode(db: SimDb, creditCode: string): SimBusiness | undefined {
  return db.prepare(`SELECT credit_code AS creditCode, name, registered_on AS registeredOn, address, representative_id AS representativeUserId
    FROM business WHERE credit_code = ?`).get(creditCode) as SimBusiness | undefined
}
