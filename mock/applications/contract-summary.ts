import { USE_LABELS, type Answers } from '../../src/contract/answers'
import type { ContractSummary } from '../../src/contract/applications'
import type { FieldError } from '../../src/contract'
import { serviceByCode, supplierName } from '../../src/core/services'
import { capacityMessage, MESSAGES } from '../../src/core/answers/check-answers'
import { townshipByCode } from '../../src/core/wanzhou'
import { supplierFor, type SupplySettings } from '../../src/core/supply-settings'
import { hashOf } from './canonical'

export const CONTRACT_TITLE = '低压供用电合同'

/** Why no contract can be drawn up now for these answers (signed later, over capacity, unknown place). */
export function contractRefusal(answers: Answers): FieldError | undefined {
  const service = serviceByCode(answers.service)
  if (!service?.signsContractOnApplying) return { path: 'answers.service', message: '高压供用电合同在装表接电环节签订，现在无需签署' }
  const capacity = capacityMessage(service, answers.load.capacityKw)
  if (capacity) return { path: 'answers.load.capacityKw', message: capacity }
  return townshipByCode(answers.address.townshipCode) ? undefined : { path: 'answers.address.townshipCode', message: MESSAGES.township }
}

export const supplierNameFor = (settings: SupplySettings, townshipCode: string): string => supplierName(supplierFor(settings, townshipCode).supplier)

/**
 * The 《低压供用电合同》 summary in plain Chinese, and the hash a signature covers: sha256 of the canonical
 * JSON of the title, the sections and the answers they were built from. The supplier is the one `settings`
 * give the township.
 */
export function buildContractSummary(answers: Answers, applicantName: string, settings: SupplySettings): ContractSummary {
  const service = serviceByCode(answers.service)
  const township = townshipByCode(answers.address.townshipCode)
  const user = answers.applicant.kind === 'business' && answers.applicant.businessName
    ? `${answers.applicant.businessName}（签署人：${applicantName}）`
    : applicantName
  const sections = [
    { heading: '供用电双方', text: `供电人：${supplierNameFor(settings, answers.address.townshipCode)}；用电人：${user}。` },
    { heading: '用电地址', text: `重庆市万州区${township?.name ?? ''}${answers.address.detail}。` },
    { heading: '供电方式与容量', text: `低压供电，电压${service?.voltage ?? '220V/380V'}，报装容量${answers.load.capacityKw}千瓦。` },
    { heading: '用电性质', text: `${service?.name ?? ''}，用电用途：${USE_LABELS[answers.load.use]}。` },
    {
      heading: '产权分界点与维护责任',
      text: '产权分界点为电能表出线端。分界点电源侧的供电设施（含电能表）由供电人投资、建设和维护，负荷侧的用电设施由用电人负责维护和安全使用。',
    },
    { heading: '电费结算', text: '按国家和重庆市规定的电价标准计收电费，按抄表周期结算，可在线缴纳。' },
    { heading: '零投资', text: '报装容量160千瓦及以下的低压用户，由供电人投资建设至电能表，不向用电人收取接电费用。' },
    { heading: '合同生效', text: '本合同经用电人在线签署后生效，与书面合同具有同等效力。' },
  ]
  return { title: CONTRACT_TITLE, sections, hash: hashOf({ title: CONTRACT_TITLE, sections, answers }) }
}
