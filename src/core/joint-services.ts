// Water, gas and telecom connection as services (水电气讯 一件事一次办): each is applied for only together with an
// electricity connection at the same address, goes to its one provider, and shares the applicant, address,
// property and e-licences already given. Their stages, limits and fees in Wanzhou are not public: every figure
// here is a configured default, shown with its provider's label (domain reference, section 12).
import { providerByCode, type ProviderCode } from './providers'
import type { Service, Stage } from './services'

/** One extra question a provider truly needs. 'choice' answers one option's value; 'count' a whole number. */
export interface PartQuestion {
  code: string
  label: string
  kind: 'choice' | 'count'
  options?: { value: string; label: string }[]
  min?: number
  max?: number
  unit?: string
}

/** The data items a provider may receive (what the consent screen names, and all the dispatch ever sends). */
export const SHARED_DATA = {
  name: '申请人姓名',
  idNumber: '身份证件号码',
  mobile: '联系电话',
  business: '企业名称和统一社会信用代码',
  address: '接入地址',
  property: '不动产权证书信息（权利人、证号、坐落）',
  answers: '本业务补充填写的信息',
} as const
export type SharedDataItem = keyof typeof SHARED_DATA

/** What a provider receives and why (个人信息保护法 Art. 23: recipient, purpose, processing, data items). */
export interface Sharing {
  purpose: string
  processing: string
  dataItems: SharedDataItem[]
}

export const JOINT_SERVICE_CODES = ['water-connect', 'gas-connect', 'telecom-connect'] as const
export type JointServiceCode = (typeof JOINT_SERVICE_CODES)[number]

const stage = (provider: ProviderCode, code: string, name: string, limitDays: number, description: string): Stage => ({
  code, name, limitDays, limitSource: 'default', actor: providerByCode(provider)?.name ?? '', description, materials: [],
})

interface JointSpec {
  code: JointServiceCode
  provider: ProviderCode
  name: string
  shortName: string
  audience: string
  feeNote: string
  stages: Stage[]
  questions: PartQuestion[]
  purpose: string
}

const joint = ({ purpose, ...spec }: JointSpec): Service => ({
  ...spec,
  utility: providerByCode(spec.provider)?.kind ?? 'water',
  afterSubmitting: `${providerByCode(spec.provider)?.name ?? ''}收到申请后将电话联系您，确认勘查或上门时间；无需您另行提交材料`,
  standalone: false,
  voltage: null, maxCapacityKw: null, minCapacityKw: 0, feeYuan: null,
  totalLimitDays: spec.stages.reduce((sum, s) => sum + s.limitDays, 0),
  totalLimitSource: 'default', totalLimitKind: 'max',
  applicantKinds: ['individual', 'business'], uses: [], capacityHint: '', signsContractOnApplying: false,
  sharing: {
    purpose,
    processing: '仅用于受理和办理本次报装，办结后按该企业的档案规定保存',
    dataItems: ['name', 'idNumber', 'mobile', 'business', 'address', 'property', 'answers'],
  },
})

export const jointServices = (): Service[] => [
  joint({
    code: 'water-connect', provider: 'wz-water', name: '用水报装', shortName: '用水',
    audience: '同一地址同时申请新装自来水', feeNote: '按供水企业公布的接水收费标准收取（默认值）',
    stages: [
      stage('wz-water', 'accept', '受理', 1, '核验申请信息，确认供水条件'),
      stage('wz-water', 'survey-design', '勘查设计', 3, '现场勘查，确定接水方案'),
      stage('wz-water', 'build-supply', '施工通水', 5, '施工安装水表并通水'),
    ],
    questions: [
      { code: 'waterUse', label: '用水性质', kind: 'choice', options: [{ value: 'business', label: '经营用水' }, { value: 'home', label: '居民生活用水' }] },
      { code: 'people', label: '用水人数', kind: 'count', min: 1, max: 500, unit: '人' },
    ],
    purpose: '受理并办理您在同一地址的用水报装',
  }),
  joint({
    code: 'gas-connect', provider: 'wz-gas', name: '用气报装', shortName: '用气',
    audience: '同一地址同时申请开通天然气', feeNote: '按燃气企业公布的收费标准收取（默认值）',
    stages: [
      stage('wz-gas', 'accept', '受理', 1, '核验申请信息，确认管网条件'),
      stage('wz-gas', 'survey-design', '勘查设计', 3, '现场勘查，确定安装方案'),
      stage('wz-gas', 'build-supply', '施工通气', 6, '安装燃气表并通气、安全检查'),
    ],
    questions: [
      { code: 'appliances', label: '用气设备', kind: 'choice', options: [{ value: 'stove', label: '灶具' }, { value: 'stove-heater', label: '灶具和热水器' }, { value: 'commercial', label: '商用灶具' }] },
    ],
    purpose: '受理并办理您在同一地址的用气报装',
  }),
  joint({
    code: 'telecom-connect', provider: 'wz-telecom', name: '宽带报装', shortName: '宽带',
    audience: '同一地址同时申请光纤宽带', feeNote: '按所选宽带套餐资费（默认值）',
    stages: [
      stage('wz-telecom', 'accept', '受理', 1, '核验申请信息，确认光纤覆盖'),
      stage('wz-telecom', 'install', '上门装机开通', 3, '上门布线、安装光猫并开通'),
    ],
    questions: [
      { code: 'bandwidth', label: '宽带带宽', kind: 'choice', options: [{ value: '100', label: '100兆' }, { value: '300', label: '300兆' }, { value: '1000', label: '1000兆' }] },
    ],
    purpose: '受理并办理您在同一地址的宽带报装',
  }),
]
