// The seam to the national 小微企业名录 (国家企业信用信息公示系统's 小微企业库): what we ask of it (one business, by its
// 统一社会信用代码) and what it answers. The backend never reads the registry any other way; the HTTP adapter
// (http-adapter.ts) signs each call and carries the timeout and bounded retries; the durable schedule of later
// attempts is the owed checks' (owed.ts). In the demo the other side is the simulator (simulator.ts), over HTTP.
import type { SmallMicroResult } from '../../src/core/small-micro'

/** The registry's record of a business, in our vocabulary (src/core/small-micro.ts). */
export interface SmeRecord {
  creditCode: string
  /** 小型, 微型, or 非小微 (the business is registered but not in the 小微企业名录) */
  scale: Exclude<SmallMicroResult, 'not-found'>
  isSmallMicro: boolean
  /** the rule the registry applied, e.g. 《中小企业划型标准规定》（工信部联企业〔2011〕300号）… */
  basis: string
  /** which register answered, e.g. 国家企业信用信息公示系统·小微企业名录 */
  source: string
  /** the date of the registry's record (纳入名录 or last 划型) */
  recordedOn: string
}

export type SmeLookup =
  | { outcome: 'found'; record: SmeRecord }
  /** the registry answered that it has no business of that credit code */
  | { outcome: 'not-found'; source: string }
  /** no usable answer (timeout, unreachable, 5xx, our signature refused, an answer we cannot read): ask again later */
  | { outcome: 'unavailable'; reason: string }

export interface SmeRegistryPort {
  lookup(creditCode: string): Promise<SmeLookup>
}
