// The utilities an applicant can reach through one application (水电气讯 一件事一次办), as data: adding a provider is
// a change here (or in configuration), not code. Wanzhou's water, gas and telecom providers are not named in the
// plan: neutral default names and figures, labelled as defaults on screen (domain reference, section 12).
import { SUPPLIER_CODES, SUPPLIERS, type SupplierCode } from './services'

export const UTILITY_KINDS = {
  electricity: { name: '用电', short: '电' },
  water: { name: '用水', short: '水' },
  gas: { name: '用气', short: '气' },
  telecom: { name: '通信宽带', short: '讯' },
} as const
export type UtilityKind = keyof typeof UTILITY_KINDS

/** What connecting to a non-electricity utility takes, shown before the applicant types anything. */
export interface JointOffer {
  stages: { name: string; limitDays: number }[]
  /** whole process, working days */
  totalLimitDays: number
  feeNote: string
  /** what it asks beyond what electricity already asks ('' when nothing) */
  extraNeeds: string
  /** 'default': a configured default, not a published figure, shown with `defaultLabel` */
  figuresSource: 'published' | 'default'
  defaultLabel: string
}

export const WATER_GAS_TELECOM_CODES = ['wz-water', 'wz-gas', 'wz-telecom'] as const
export type ProviderCode = SupplierCode | (typeof WATER_GAS_TELECOM_CODES)[number]
export const PROVIDER_CODES: readonly ProviderCode[] = [...SUPPLIER_CODES, ...WATER_GAS_TELECOM_CODES]

export interface Provider {
  code: ProviderCode
  kind: UtilityKind
  name: string
  shortName: string
  /** where it connects */
  serviceArea: string
  /** who to call about a case */
  contact: string
  /** the case-intake endpoint (absolute, or a path on this server's own origin: the demo's simulator) */
  endpoint: string
  /** how a non-electricity connection goes; electricity's is the service table */
  offer?: JointOffer
}

const DEFAULT = (who: string) => `默认值，以${who}答复为准`

export const PROVIDERS: Provider[] = [
  ...SUPPLIERS.map((s): Provider => ({
    code: s.code, kind: 'electricity', name: s.name, shortName: s.shortName, serviceArea: '万州区（按乡镇街道划分）',
    contact: '95598', endpoint: `/sim/utilities/${s.code}`,
  })),
  {
    code: 'wz-water', kind: 'water', name: '万州区供水企业（示例）', shortName: '供水', serviceArea: '万州区城区及集镇供水管网范围',
    contact: '供水企业客服电话（待配置）', endpoint: '/sim/utilities/wz-water',
    offer: {
      stages: [{ name: '受理', limitDays: 1 }, { name: '勘查设计', limitDays: 3 }, { name: '施工通水', limitDays: 5 }],
      totalLimitDays: 9, feeNote: '按供水企业公布的接水收费标准收取（默认值）', extraNeeds: '用水性质和用水人数',
      figuresSource: 'default', defaultLabel: DEFAULT('供水企业'),
    },
  },
  {
    code: 'wz-gas', kind: 'gas', name: '万州区燃气企业（示例）', shortName: '燃气', serviceArea: '万州区天然气管网覆盖范围',
    contact: '燃气企业客服电话（待配置）', endpoint: '/sim/utilities/wz-gas',
    offer: {
      stages: [{ name: '受理', limitDays: 1 }, { name: '勘查设计', limitDays: 3 }, { name: '施工通气', limitDays: 6 }],
      totalLimitDays: 10, feeNote: '按燃气企业公布的收费标准收取（默认值）', extraNeeds: '用气设备（灶具、热水器等）',
      figuresSource: 'default', defaultLabel: DEFAULT('燃气企业'),
    },
  },
  {
    code: 'wz-telecom', kind: 'telecom', name: '万州区通信运营商（示例）', shortName: '宽带', serviceArea: '万州区光纤网络覆盖范围',
    contact: '运营商客服电话（待配置）', endpoint: '/sim/utilities/wz-telecom',
    offer: {
      stages: [{ name: '受理', limitDays: 1 }, { name: '上门装机开通', limitDays: 3 }],
      totalLimitDays: 4, feeNote: '按所选宽带套餐资费（默认值）', extraNeeds: '宽带带宽需求',
      figuresSource: 'default', defaultLabel: DEFAULT('通信运营商'),
    },
  },
]

export function providerByCode(code: string | null | undefined): Provider | undefined {
  return PROVIDERS.find((p) => p.code === code)
}

/** The providers an applicant can add to an electricity application (同时办理). */
export const jointProviders = (): Provider[] => PROVIDERS.filter((p) => p.offer !== undefined)
