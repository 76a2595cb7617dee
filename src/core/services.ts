// The service table as data: the one place for stages, time limits (working days), materials and fees.
// limitSource 'seed' = binding figure of the 2021 Wanzhou plan; 'default' = configurable default,
// because the per-stage split is not public (domain reference, section 2).
import { HV_ACCEPT_MATERIALS, LV_ACCEPT_MATERIALS, MATERIALS, type Material, type MaterialCode } from './materials'
import { USE_CODES, type UseCode } from './uses'
import { BUSINESS_LOADS, HOME_LOADS, type TypicalLoad } from './typical-loads'
import { PROVIDER_CODES, PROVIDERS, UTILITY_KINDS, type Provider, type ProviderCode, type UtilityKind } from './providers'
import { JOINT_SERVICE_CODES, jointServices, type PartQuestion, type Sharing } from './joint-services'
import { isStandalone } from './standalone'

export { MATERIALS } from './materials'
export type { Material, MaterialCode } from './materials'

/** Every code the contract accepts is derived from these lists: a new service or supplier is a data change. */
export const ELECTRICITY_SERVICE_CODES = ['resident', 'lv-business', 'hv-10kv'] as const
export const SERVICE_CODES = [...ELECTRICITY_SERVICE_CODES, ...JOINT_SERVICE_CODES] as const
/** The services one applies for on their own (an application's `service`); the others come with one (同时办理). */
export const STANDALONE_SERVICE_CODES = ELECTRICITY_SERVICE_CODES
export type StandaloneServiceCode = (typeof STANDALONE_SERVICE_CODES)[number]
export type ServiceCode = (typeof SERVICE_CODES)[number]
/** A supplier is any provider a case goes to: the two electricity enterprises, and water, gas and telecom. */
export const SUPPLIER_CODES = PROVIDER_CODES
export type SupplierCode = ProviderCode
export const APPLICANT_KINDS = ['individual', 'business'] as const
export type ApplicantKind = (typeof APPLICANT_KINDS)[number]
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
  /** the name in a narrow column (staff filters, tables) */
  shortName: string
  audience: string
  /** null: not an electricity connection */
  voltage: '220V/380V' | '10kV' | null
  maxCapacityKw: number | null
  minCapacityKw: number
  /** null: charged by the provider's published tariff (feeNote says how) */
  feeYuan: number | null
  feeNote: string
  totalLimitDays: number
  totalLimitSource: LimitSource
  totalLimitKind: 'max' | 'average'
  stages: Stage[]
  /** in whose name one may apply: a household connection is always a person's */
  applicantKinds: ApplicantKind[]
  /** the uses (用电用途) offered for this service, in order */
  uses: UseCode[]
  /** the hint under the capacity field */
  capacityHint: string
  /** typical capacities for this service's premises, offered beside the capacity field (low voltage only) */
  typicalLoads?: TypicalLoad[]
  /** the use (用电用途) taken when the applicant has chosen none, for a service with one obvious use */
  defaultUse?: UseCode
  /** whether an individual (个体工商户) may give the shop's 字号 (trade name): a business service */
  asksShopName?: boolean
  /** true: the supply contract is signed online at 受理签约, before submitting; false: later (10 kV: at 装表接电) */
  signsContractOnApplying: boolean
  /** the service an over-capacity application moves to (low voltage above 160 kW → 10 kV) */
  aboveCapacityService?: StandaloneServiceCode
  /** what changes for an applicant moved into this service (after its time limit) */
  movedInChanges?: string
  /** what happens after submitting, in the applicant's words (the receipt says it) */
  afterSubmitting: string
  /** what is connected: electricity, or water, gas and telecom alongside it (同时办理) */
  utility: UtilityKind
  /** true: applied for on its own; false: only together with an electricity application (一件事) */
  standalone: boolean
  /** the provider of a service that has one (water, gas, telecom); electricity's follows the township */
  provider?: ProviderCode
  /** the few questions the provider truly needs beyond the shared answers (one screen for all of them) */
  questions: PartQuestion[]
  /** what the provider receives and why, asked as a separate consent (个人信息保护法 Art. 23) */
  sharing?: Sharing
  /** the applicant kinds whose 小微企业 status is checked, by credit code, against the national system (src/core/small-micro.ts) */
  smallMicroCheckFor?: ApplicantKind[]
}

/** Every provider a case can go to (src/core/providers.ts): the two electricity enterprises, water, gas, telecom. */
export type Supplier = Provider
export const SUPPLIERS: Supplier[] = PROVIDERS

export function supplierByCode(code: string | null | undefined): Supplier | undefined {
  return SUPPLIERS.find((supplier) => supplier.code === code)
}

/** The supplier's full name, or '' for an unknown code. */
export const supplierName = (code: string | null | undefined): string => supplierByCode(code)?.name ?? ''

/** Low-voltage connection limit; above it a 10 kV connection is needed (and investment is no longer zero). */
export const LV_MAX_KW = 160

const LV_CAPACITY_HINT = `低压（220V/380V）接入，${LV_MAX_KW}千瓦及以下`
const BUSINESS_USES = USE_CODES.filter((u) => u !== 'home')

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

const LV_AFTER = '全程无需上门，也无需到营业厅：合同已在线签署，供电企业如需核实会电话联系您'
const ELECTRICITY = { utility: 'electricity' as const, standalone: true, questions: [] as PartQuestion[] }

export const SERVICES: Service[] = [
  {
    code: 'resident', name: '居民新装', shortName: '居民', audience: '居民家庭生活用电', voltage: '220V/380V',
    maxCapacityKw: LV_MAX_KW, minCapacityKw: 0, feeYuan: 0,
    feeNote: '不收费。供电企业投资建设至电能表，申请人零投资',
    totalLimitDays: 5, totalLimitSource: 'default', totalLimitKind: 'max', stages: lvStages(1, 4, LV_ACCEPT_MATERIALS.filter((m) => m !== 'credit-code')),
    applicantKinds: ['individual'], uses: ['home', 'other'], capacityHint: LV_CAPACITY_HINT, typicalLoads: HOME_LOADS, defaultUse: 'home',
    signsContractOnApplying: true, aboveCapacityService: 'hv-10kv', afterSubmitting: LV_AFTER, ...ELECTRICITY,
  },
  {
    code: 'lv-business', name: '低压非居民新装（小微企业）', shortName: '低压小微', audience: '小微企业、个体工商户等低压非居民用电',
    voltage: '220V/380V', maxCapacityKw: LV_MAX_KW, minCapacityKw: 0, feeYuan: 0,
    feeNote: '160千瓦及以下零投资：供电企业投资建设至电能表，不收取任何费用',
    totalLimitDays: 7, totalLimitSource: 'seed', totalLimitKind: 'max', stages: lvStages(1, 6, LV_ACCEPT_MATERIALS),
    applicantKinds: [...APPLICANT_KINDS], uses: BUSINESS_USES, capacityHint: LV_CAPACITY_HINT, typicalLoads: BUSINESS_LOADS, asksShopName: true,
    signsContractOnApplying: true, aboveCapacityService: 'hv-10kv', afterSubmitting: LV_AFTER, smallMicroCheckFor: ['business'], ...ELECTRICITY,
  },
  {
    code: 'hv-10kv', name: '高压新装（10千伏）', shortName: '高压10千伏', audience: '报装容量超过160千瓦或需要10千伏供电的用户',
    voltage: '10kV', maxCapacityKw: null, minCapacityKw: 0, feeYuan: 0,
    feeNote:
      '供电企业办理接电不收费；产权分界点以内的用户侧工程由您委托有资质的单位设计、施工，费用由您承担；' +
      '城镇规划建设用地范围内，建筑区划红线外的供电工程不向您收费',
    totalLimitDays: 28, totalLimitSource: 'seed', totalLimitKind: 'average', stages: hvStages,
    applicantKinds: [...APPLICANT_KINDS], uses: BUSINESS_USES, capacityHint: '10千伏供电', asksShopName: true,
    signsContractOnApplying: false, ...ELECTRICITY,
    afterSubmitting: '供电企业将联系您预约现场勘查；用户侧工程请委托有资质的单位设计、施工，施工期间不计入供电企业时限',
    movedInChanges: '需另外上传用电工程项目批准文件；产权分界点以内的用户侧工程由您委托有资质的单位建设，费用由您承担；供用电合同在装表接电时签订',
  },
  ...jointServices(),
]

export function serviceByCode(code: string): Service | undefined {
  return SERVICES.find((service) => service.code === code)
}

export type StandaloneService = Service & { code: StandaloneServiceCode }
export { isStandalone }

/** The services a provider provides (an electricity enterprise's three, the water utility's one); all for null. */
export const servicesOfProvider = (provider: string | null): Service[] =>
  SERVICES.filter((s) => provider === null || PROVIDERS.find((p) => p.code === provider)?.kind === s.utility)

/** What the provider of a service is called (供电企业, 供水企业…): the label beside its name. */
export const providerWord = (code: string): string => UTILITY_KINDS[serviceByCode(code)?.utility ?? 'electricity'].providerWord

/** The services applied for on their own (the electricity connections), in the order offered. */
export const standaloneServices = (): StandaloneService[] => SERVICES.filter(isStandalone)

/** The services that can be added to an electricity application (同时办理 water, gas, telecom). */
export const joinableServices = (): Service[] => SERVICES.filter((s) => !s.standalone)

/**
 * Low voltage above 160 kW moves to 10 kV, with an explanation to show rather than an error: `reason` says
 * why, `changes` what is different for the applicant from then on.
 */
export function serviceForCapacity(current: StandaloneServiceCode, kw: number): { service: StandaloneServiceCode; reason?: string; changes?: string } {
  const from = serviceByCode(current)
  const to = serviceByCode(from?.aboveCapacityService ?? '')
  if (from?.maxCapacityKw != null && to && Number.isFinite(kw) && kw > from.maxCapacityKw) {
    const limit = `全流程${to.totalLimitKind === 'average' ? '平均' : ''}不超过${to.totalLimitDays}个工作日`
    return {
      service: from.aboveCapacityService as StandaloneServiceCode,
      reason: `报装容量${kw}千瓦，超过低压接入上限${from.maxCapacityKw}千瓦，需按${to.name}办理`,
      changes: [limit, to.movedInChanges].filter(Boolean).join('；'),
    }
  }
  return { service: current }
}

/** Whether `kw` fits `service`'s capacity (no upper limit for 10 kV). */
export function fitsCapacity(service: Service, kw: number): boolean {
  return service.maxCapacityKw === null || kw <= service.maxCapacityKw
}

/** Whether applying for this service asks for that material at acceptance (受理), e.g. 10 kV's project approval. */
export function asksFor(service: Service | undefined, material: MaterialCode): boolean {
  return service?.stages[0]?.materials.includes(material) ?? false
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
