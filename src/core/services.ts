// The service table as data: the one place for stages, time limits (working days), materials and fees.
// limitSource 'seed' = binding figure of the 2021 Wanzhou plan; 'default' = configurable default,
// because the per-stage split is not public (domain reference, section 2).
import { HV_ACCEPT_MATERIALS, LV_ACCEPT_MATERIALS, MATERIALS, type Material, type MaterialCode } from './materials'

export { MATERIALS } from './materials'
export type { Material, MaterialCode } from './materials'

export type ServiceCode = 'resident' | 'lv-business' | 'hv-10kv'
export type SupplierCode = 'sgcc-wanzhou' | 'sanxia'
export type LimitSource = 'seed' | 'default'

export interface Stage {
  code: string
  name: string
  limitDays: number
  limitSource: LimitSource
  actor: string
  description: string
  materials: MaterialCode[]
  checkpoints?: Stage[]
  /** what the stage hands the applicant that lapses, e.g. the 10 kV written supply plan (valid one year) */
  result?: { name: string; validMonths: number; warnDays: number }
}

export interface Service {
  code: ServiceCode
  name: string
  audience: string
  voltage: '220V/380V' | '10kV'
  maxCapacityKw: number | null
  minCapacityKw: number
  feeYuan: number
  feeNote: string
  totalLimitDays: number
  totalLimitSource: LimitSource
  totalLimitKind: 'max' | 'average'
  stages: Stage[]
}

/**
 * The two supply enterprises of Wanzhou, by the short names the public uses. Full names:
 * 国网重庆市电力公司万州供电分公司; 重庆三峡水利电力(集团)股份有限公司.
 */
export const SUPPLIERS: { code: SupplierCode; name: string }[] = [
  { code: 'sgcc-wanzhou', name: '国网万州供电分公司' },
  { code: 'sanxia', name: '三峡水利' },
]

/** Low-voltage connection limit; above it a 10 kV connection is needed (and investment is no longer zero). */
export const LV_MAX_KW = 160

const lvStages = (acceptDays: number, buildDays: number, acceptMaterials: MaterialCode[]): Stage[] => [
  {
    code: 'accept-sign',
    name: '受理签约',
    limitDays: acceptDays,
    limitSource: 'default',
    actor: '供电企业（申请人只需在线签约）',
    description: '核验身份和用电地址物权，在线签订《低压供用电合同》',
    materials: acceptMaterials,
  },
  {
    code: 'build-connect',
    name: '施工接电',
    limitDays: buildDays,
    limitSource: 'default',
    actor: '供电企业',
    description: '供电企业投资建设至电能表，安装电能表并送电，申请人无需上门',
    materials: [],
  },
]

const checkpoint = (code: string, name: string, limitDays: number, description: string, materials: MaterialCode[]): Stage => ({
  code, name, limitDays, limitSource: 'default', actor: '供电企业检验，申请人提交材料', description, materials,
})

const hvStages: Stage[] = [
  {
    code: 'apply-accept', name: '申请受理', limitDays: 1, limitSource: 'default', actor: '供电企业',
    description: '核验身份、用电地址物权和用电工程项目批准文件，受理申请', materials: HV_ACCEPT_MATERIALS,
  },
  {
    code: 'supply-plan', name: '供电方案答复', limitDays: 10, limitSource: 'default', actor: '供电企业',
    description: '现场勘查后书面答复供电方案，方案有效期1年', materials: [],
    result: { name: '书面供电方案', validMonths: 12, warnDays: 30 },
  },
  {
    code: 'external-works', name: '外部工程实施', limitDays: 12, limitSource: 'default', actor: '供电企业、申请人',
    description: '用户侧工程由申请人委托有资质的单位设计、施工，电网侧工程由供电企业建设；申请人施工期间不计入供电企业时限',
    materials: [],
    checkpoints: [
      checkpoint('design-review', '设计审查', 4, '重要或有特殊负荷的用户：审查用电工程设计', ['design-qualification', 'design-documents']),
      checkpoint('mid-inspection', '中间检查', 3, '重要或有特殊负荷的用户：检查隐蔽工程', ['construction-qualification', 'hidden-works-records']),
      checkpoint('completion-inspection', '竣工检验', 5, '重要或有特殊负荷的用户：竣工检验', ['completion-report']),
    ],
  },
  {
    code: 'meter-connect', name: '装表接电', limitDays: 5, limitSource: 'default', actor: '供电企业',
    description: '签订供用电合同，安装电能表并送电', materials: [],
  },
]

export const SERVICES: Service[] = [
  {
    code: 'resident', name: '居民新装', audience: '居民家庭生活用电', voltage: '220V/380V',
    maxCapacityKw: LV_MAX_KW, minCapacityKw: 0, feeYuan: 0,
    feeNote: '不收费。供电企业投资建设至电能表，申请人零投资',
    totalLimitDays: 5, totalLimitSource: 'default', totalLimitKind: 'max', stages: lvStages(1, 4, LV_ACCEPT_MATERIALS.filter((m) => m !== 'credit-code')),
  },
  {
    code: 'lv-business', name: '低压非居民新装（小微企业）', audience: '小微企业、个体工商户等低压非居民用电',
    voltage: '220V/380V', maxCapacityKw: LV_MAX_KW, minCapacityKw: 0, feeYuan: 0,
    feeNote: '160千瓦及以下零投资：供电企业投资建设至电能表，不收取任何费用',
    totalLimitDays: 7, totalLimitSource: 'seed', totalLimitKind: 'max', stages: lvStages(1, 6, LV_ACCEPT_MATERIALS),
  },
  {
    code: 'hv-10kv', name: '高压新装（10千伏）', audience: '报装容量超过160千瓦或需要10千伏供电的用户',
    voltage: '10kV', maxCapacityKw: null, minCapacityKw: 0, feeYuan: 0,
    feeNote:
      '供电企业办理接电不收费；产权分界点以内的用户侧工程由您委托有资质的单位设计、施工，费用由您承担；' +
      '城镇规划建设用地范围内，建筑区划红线外的供电工程不向您收费',
    totalLimitDays: 28, totalLimitSource: 'seed', totalLimitKind: 'average', stages: hvStages,
  },
]

export function serviceByCode(code: string): Service | undefined {
  return SERVICES.find((service) => service.code === code)
}

/**
 * Low voltage above 160 kW moves to 10 kV, with an explanation to show rather than an error: `reason` says
 * why, `changes` what is different for the applicant from then on.
 */
export function serviceForCapacity(current: ServiceCode, kw: number): { service: ServiceCode; reason?: string; changes?: string } {
  if (current !== 'hv-10kv' && Number.isFinite(kw) && kw > LV_MAX_KW) {
    return {
      service: 'hv-10kv',
      reason: `报装容量${kw}千瓦，超过低压接入上限${LV_MAX_KW}千瓦，需按高压新装（10千伏）办理`,
      changes: `全流程平均不超过${serviceByCode('hv-10kv')?.totalLimitDays}个工作日；需另外上传用电工程项目批准文件；` +
        '产权分界点以内的用户侧工程由您委托有资质的单位建设，费用由您承担；供用电合同在装表接电时签订',
    }
  }
  return { service: current }
}

/** The acceptance (受理) materials the applicant is asked for. */
export function materialsFor(service: ServiceCode, opts: { business: boolean; agent: boolean }): Material[] {
  const accept = serviceByCode(service)?.stages[0]
  if (!accept) throw new Error(`materialsFor: unknown service "${service}"`)
  return accept.materials
    .filter((code) => (code === 'credit-code' ? opts.business : true))
    .filter((code) => (code === 'agent-authorisation' || code === 'agent-id' ? opts.agent : true))
    .map((code) => MATERIALS[code])
}
