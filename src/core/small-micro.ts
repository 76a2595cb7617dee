// 小微企业认定: whether a business applying for a low-voltage non-residential connection is a small or micro
// enterprise. The plan says it is decided by the national rules and the national information system's answer
// (小微企业认定以国家文件规定及国家信息系统查询结果为准): the case records what the national 小微企业名录 answered
// for the business's credit code, with the basis it gave. The vocabulary as data; pure.
import type { ApplicantKind, Service } from './services'

/** The seed's rule, shown beside every result. */
export const SMALL_MICRO_RULE = '小微企业认定以国家文件规定及国家信息系统查询结果为准'

/** What the national system answered, as recorded on the case (`smallMicro` of the event's payload). */
/** `note`: what staff are told beside the result, when there is something to do about it. */
export const SMALL_MICRO_RESULTS = {
  small: { name: '小型企业', smallMicro: true, note: null },
  micro: { name: '微型企业', smallMicro: true, note: null },
  none: { name: '非小微', smallMicro: false, note: null },
  /** the system has no record of the credit code: staff check the licence themselves */
  'not-found': { name: '未查到', smallMicro: null, note: '国家小微企业名录中没有该统一社会信用代码，请对照营业执照和国家企业信用信息公示系统人工核验' },
} as const
export type SmallMicroResult = keyof typeof SMALL_MICRO_RESULTS
export const SMALL_MICRO_RESULT_CODES = Object.keys(SMALL_MICRO_RESULTS) as [SmallMicroResult, ...SmallMicroResult[]]

/** No answer yet (the system could not be asked, or not yet): never blocks the applicant, checked again later. */
export const SMALL_MICRO_PENDING = { code: 'pending', name: '待核验' } as const
export type SmallMicroStatus = SmallMicroResult | typeof SMALL_MICRO_PENDING.code
export const SMALL_MICRO_STATUS_CODES = [...SMALL_MICRO_RESULT_CODES, SMALL_MICRO_PENDING.code] as [SmallMicroStatus, ...SmallMicroStatus[]]

export const smallMicroName = (status: SmallMicroStatus): string =>
  status === SMALL_MICRO_PENDING.code ? SMALL_MICRO_PENDING.name : SMALL_MICRO_RESULTS[status].name

export const isSmallMicroResult = (v: unknown): v is SmallMicroResult => SMALL_MICRO_RESULT_CODES.includes(v as SmallMicroResult)

/**
 * Whether a submission owes a 小微 check: the service names the applicant kinds whose status it records (the low-voltage
 * non-residential connection: a business, by its credit code), and the applicant gave a credit code.
 */
export function owesSmallMicroCheck(service: Pick<Service, 'smallMicroCheckFor'>, kind: ApplicantKind, creditCode: string | null | undefined): boolean {
  return (service.smallMicroCheckFor ?? []).includes(kind) && typeof creditCode === 'string' && creditCode.trim() !== ''
}
