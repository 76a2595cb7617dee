// The simulated 小微企业名录's records, in its own store and its own words (scale 小型/微型/中型/大型, in the 名录 or
// not): the demo businesses have definite answers, and one business always finds the registry failing (HTTP 503),
// so the demo and the tests can show 待核验. Every other credit code is unknown to it (未查到).
import type Database from 'better-sqlite3'

export const SIM_SCHEMA = `
  CREATE TABLE IF NOT EXISTS sim_key (key_id TEXT PRIMARY KEY, secret TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS sim_nonce (key_id TEXT NOT NULL, nonce TEXT NOT NULL, PRIMARY KEY (key_id, nonce));
  CREATE TABLE IF NOT EXISTS sim_enterprise (
    credit_code TEXT PRIMARY KEY, name TEXT NOT NULL, scale TEXT NOT NULL CHECK (scale IN ('小型', '微型', '中型', '大型')),
    in_directory INTEGER NOT NULL, industry TEXT NOT NULL, included_on TEXT NOT NULL,
    fault INTEGER NOT NULL DEFAULT 0
  );`

export interface SimEnterprise {
  creditCode: string
  name: string
  scale: '小型' | '微型' | '中型' | '大型'
  /** whether the business is in the 小微企业名录 */
  inDirectory: boolean
  /** the industry its scale was judged under (the standard's thresholds differ by industry) */
  industry: string
  /** when it was put in the 名录, or last judged */
  includedOn: string
  /** the registry fails on it every time (HTTP 503): the demo's 待核验 */
  fault?: boolean
}

export const STANDARD = '《中小企业划型标准规定》（工信部联企业〔2011〕300号）'
export const SOURCE = '国家企业信用信息公示系统·小微企业名录'

/** The demo's businesses: the 主动服务 ones (mock/ykb/sim-market.ts), the tests' shop, the journey's trading company. */
export const DEMO_ENTERPRISES: SimEnterprise[] = [
  { creditCode: '91500101MA5UMY0L1K', name: '重庆万州明远商贸有限公司', scale: '小型', inDirectory: true, industry: '批发业', includedOn: '2026-11-23' },
  { creditCode: '92500101MA5UWF3C7M', name: '万州区王芳鲜花店', scale: '微型', inDirectory: true, industry: '零售业', includedOn: '2026-11-30' },
  { creditCode: '91350100M000100Y43', name: '万州区明远小吃店', scale: '微型', inDirectory: true, industry: '餐饮业', includedOn: '2025-03-18' },
  { creditCode: '91350100M000100Y44', name: '万州演示商贸有限公司', scale: '中型', inDirectory: false, industry: '批发业', includedOn: '2024-06-30' },
  { creditCode: '91500101MA5UDQ8R20', name: '重庆万州演示电器有限公司', scale: '小型', inDirectory: true, industry: '零售业', includedOn: '2026-10-09', fault: true },
]

/** The credit code the simulated registry always fails on (tests and the demo's 待核验). */
export const FAULTY_CREDIT_CODE = DEMO_ENTERPRISES.find((e) => e.fault)!.creditCode

export function seedEnterprises(db: Database.Database, enterprises: SimEnterprise[] = DEMO_ENTERPRISES): void {
  const put = db.prepare(`INSERT OR REPLACE INTO sim_enterprise (credit_code, name, scale, in_directory, industry, included_on, fault)
    VALUES (?, ?, ?, ?, ?, ?, ?)`)
  db.transaction(() => { for (const e of enterprises) put.run(e.creditCode, e.name, e.scale, e.inDirectory ? 1 : 0, e.industry, e.includedOn, e.fault ? 1 : 0) })()
}

export function enterpriseOf(db: Database.Database, creditCode: string): SimEnterprise | undefined {
  const r = db.prepare('SELECT * FROM sim_enterprise WHERE credit_code = ?').get(creditCode) as
    { credit_code: string; name: string; scale: SimEnterprise['scale']; in_directory: number; industry: string; included_on: string; fault: number } | undefined
  return r && { creditCode: r.credit_code, name: r.name, scale: r.scale, inDirectory: r.in_directory === 1, industry: r.industry, includedOn: r.included_on, fault: r.fault === 1 }
}

/** The basis the registry gives with its answer: the standard, and the industry it judged the business under. */
export const basisOf = (e: SimEnterprise): string => `${STANDARD}，按${e.industry}的从业人员和营业收入指标划型为${e.scale}企业${e.inDirectory ? '，已纳入小微企业名录' : '，未纳入小微企业名录'}`
