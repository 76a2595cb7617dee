// Every utility an applicant reaches through this product (水电气讯 一件事一次办), as data: adding a provider is a
// change here, not code. Wanzhou's two electricity enterprises are named in the plan; its water, gas and telecom
// providers are not, so they carry neutral default names, and their figures are defaults labelled as such on
// screen (domain reference, section 12). A deployment gives each utility's intake endpoint by configuration.

export const UTILITY_KINDS = {
  electricity: { name: '用电', short: '电', providerWord: '供电企业' },
  water: { name: '用水', short: '水', providerWord: '供水企业' },
  gas: { name: '用气', short: '气', providerWord: '燃气企业' },
  telecom: { name: '通信宽带', short: '讯', providerWord: '通信运营商' },
} as const
export type UtilityKind = keyof typeof UTILITY_KINDS

/** Every provider code the contract accepts is derived from this list. */
export const PROVIDER_CODES = ['sgcc-wanzhou', 'sanxia', 'wz-water', 'wz-gas', 'wz-telecom'] as const
export type ProviderCode = (typeof PROVIDER_CODES)[number]

export interface Provider {
  code: ProviderCode
  kind: UtilityKind
  name: string
  /** the name in a narrow column or a filter */
  shortName: string
  /** where it connects */
  serviceArea: string
  /** who to call about a case */
  contact: string
  /**
   * Where the demo sends a new case (a signed POST to `<intake>/cases`): its simulator, a path on this server's own
   * origin; a deployment gives each connected utility's real endpoint (UTILITY_ENDPOINTS, mock/utilities/connections.ts).
   * null: the enterprise works its cases in this system (staff pages and signed pushes) and is sent nothing.
   */
  intake: string | null
  /** a deployment cannot start without its push key (the enterprises the plan names); a joint utility's is added when it is connected */
  requiredAtStart: boolean
  /** submits the month's report to the district (按月报送: the plan asks it of 各供电公司) */
  reportsMonthly: boolean
  /** set when the provider's figures are configured defaults rather than published ones: the label shown beside them */
  defaultsLabel?: string
}

const DEFAULTS = (who: string) => `默认值，以${who}答复为准`

/**
 * Full names of the electricity enterprises: 国网重庆市电力公司万州供电分公司; 重庆三峡水利电力(集团)股份有限公司.
 */
export const PROVIDERS: Provider[] = [
  {
    code: 'sgcc-wanzhou', kind: 'electricity', name: '国网万州供电分公司', shortName: '国网万州',
    serviceArea: '万州区（按乡镇街道划分）', contact: '95598', intake: null, requiredAtStart: true, reportsMonthly: true,
  },
  {
    code: 'sanxia', kind: 'electricity', name: '三峡水利', shortName: '三峡水利',
    serviceArea: '万州区东部、南部部分乡镇（按乡镇街道划分）', contact: '三峡水利客服电话', intake: null, requiredAtStart: true, reportsMonthly: true,
  },
  {
    code: 'wz-water', kind: 'water', name: '万州区供水企业（示例）', shortName: '供水',
    serviceArea: '万州区城区及集镇供水管网范围', contact: '供水企业客服电话（待配置）', intake: '/sim/utilities/wz-water', requiredAtStart: false, reportsMonthly: false,
    defaultsLabel: DEFAULTS('供水企业'),
  },
  {
    code: 'wz-gas', kind: 'gas', name: '万州区燃气企业（示例）', shortName: '燃气',
    serviceArea: '万州区天然气管网覆盖范围', contact: '燃气企业客服电话（待配置）', intake: '/sim/utilities/wz-gas', requiredAtStart: false, reportsMonthly: false,
    defaultsLabel: DEFAULTS('燃气企业'),
  },
  {
    code: 'wz-telecom', kind: 'telecom', name: '万州区通信运营商（示例）', shortName: '宽带',
    serviceArea: '万州区光纤网络覆盖范围', contact: '运营商客服电话（待配置）', intake: '/sim/utilities/wz-telecom', requiredAtStart: false, reportsMonthly: false,
    defaultsLabel: DEFAULTS('通信运营商'),
  },
]

export function providerByCode(code: string | null | undefined): Provider | undefined {
  return PROVIDERS.find((p) => p.code === code)
}

/** The providers of one kind (the electricity enterprises, for the township split). */
export const providersOfKind = (kind: UtilityKind): Provider[] => PROVIDERS.filter((p) => p.kind === kind)

/** The providers this server sends cases to (everyone with an intake endpoint). */
export const dispatchedProviders = (): Provider[] => PROVIDERS.filter((p) => p.intake !== null)
