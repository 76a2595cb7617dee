// The settings a case is submitted under, as data: which supply enterprise serves each township, and the
// per-stage default time limits. The bundled defaults below are not published facts (the boundary between the
// two enterprises and the per-stage split of the plan's totals are not public); a deployment overrides them
// with a JSON file (SUPPLY_OVERRIDE, checked by applySupplyOverride). A case keeps the settings it was
// submitted under: new settings apply to new cases only.
import { SERVICES, supplierName, type Service, type ServiceCode, type Stage, type SupplierCode } from './services'
import { TOWNSHIPS, townshipByCode } from './wanzhou'
import { providersOfKind } from './providers'

export interface SupplySettings {
  /** township code -> the enterprise that accepts its applications */
  suppliers: Record<string, SupplierCode>
  /** service -> stage or checkpoint code -> working days */
  stageLimits: Record<ServiceCode, Record<string, number>>
}

/** The towns the bundled default gives to 三峡水利 (the eastern and southern rural towns); all others go to 国网. */
const BUNDLED_SPLIT: { others: SupplierCode; townships: Record<string, SupplierCode> } = {
  others: 'sgcc-wanzhou',
  townships: Object.fromEntries(['长滩镇', '太安镇', '白土镇', '恒合土家族乡', '地宝土家族乡', '梨树乡', '普子乡', '茨竹乡', '黄柏乡']
    .map((name) => [name, 'sanxia' as const])),
}

const stagesOf = (service: Service): Stage[] => service.stages.flatMap((s) => [s, ...(s.checkpoints ?? [])])

export const BUNDLED_SUPPLY_SETTINGS: SupplySettings = {
  suppliers: Object.fromEntries(TOWNSHIPS.map((t) => [t.code, BUNDLED_SPLIT.townships[t.name] ?? BUNDLED_SPLIT.others])),
  stageLimits: Object.fromEntries(SERVICES.map((s) => [s.code, Object.fromEntries(stagesOf(s).map((st) => [st.code, st.limitDays]))])) as
    SupplySettings['stageLimits'],
}

export const SUPPLIER_RULE: { source: 'default'; description: string } = {
  source: 'default',
  description:
    '两家供电企业的供区边界未公开发布。默认：各街道及大部分镇由国网万州供电分公司受理；' +
    '东部、南部的长滩镇、太安镇、白土镇、恒合土家族乡、地宝土家族乡、梨树乡、普子乡、茨竹乡、黄柏乡由三峡水利受理。' +
    '此为可配置的默认划分（部署时可用配置文件改定），须经两家供电企业确认，工作人员可改派',
}

/** The supplier for a township under `settings`, with the reason in Chinese (the split is a configured default). */
export function supplierFor(settings: Pick<SupplySettings, 'suppliers'>, townshipCode: string): { supplier: SupplierCode; reason: string } {
  const township = townshipByCode(townshipCode)
  const supplier = township && settings.suppliers[township.code]
  if (!township || !supplier) {
    return { supplier: BUNDLED_SPLIT.others, reason: `未能识别所在乡镇（街道），暂由${supplierName(BUNDLED_SPLIT.others)}受理，工作人员将核实后确认` }
  }
  return { supplier, reason: `${township.name}默认由${supplierName(supplier)}供电（默认划分，以供电企业确认为准）` }
}

/** The service with its stage and checkpoint limits taken from `limits` (a stage not named keeps its own). */
export function withStageLimits(service: Service, limits: Record<string, number> | undefined): Service {
  if (!limits) return service
  const limited = (stage: Stage): Stage => ({ ...stage, limitDays: limits[stage.code] ?? stage.limitDays })
  return { ...service, stages: service.stages.map((s) => ({ ...limited(s), ...(s.checkpoints && { checkpoints: s.checkpoints.map(limited) }) })) }
}

/** Every service with the limits of `settings`. */
export const servicesUnder = (settings: SupplySettings): Service[] => SERVICES.map((s) => withStageLimits(s, settings.stageLimits[s.code]))

export const MAX_STAGE_LIMIT_DAYS = 60

/** The enterprises a township can be given to: the electricity ones (water, gas and telecom are not split by township). */
const ELECTRICITY: SupplierCode[] = providersOfKind('electricity').map((p) => p.code)

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function overrideSuppliers(base: SupplySettings['suppliers'], value: unknown, problems: string[]): SupplySettings['suppliers'] {
  if (!isObject(value)) {
    problems.push('suppliers 应为对象：{ "乡镇街道代码或全称": "供电企业" }')
    return base
  }
  const out = { ...base }
  for (const [key, supplier] of Object.entries(value)) {
    const township = TOWNSHIPS.find((t) => t.code === key || t.name === key)
    if (!township) problems.push(`suppliers.${key}：不是万州区的乡镇（街道）代码或全称（如 500101155 或 长滩镇）`)
    else if (!ELECTRICITY.includes(supplier as SupplierCode)) problems.push(`suppliers.${key}：供电企业应为 ${ELECTRICITY.join(' 或 ')}`)
    else out[township.code] = supplier as SupplierCode
  }
  return out
}

function overrideLimits(base: SupplySettings['stageLimits'], value: unknown, problems: string[]): SupplySettings['stageLimits'] {
  if (!isObject(value)) {
    problems.push('stageLimits 应为对象：{ "业务代码": { "环节代码": 工作日数 } }')
    return base
  }
  const out = { ...base }
  for (const [serviceCode, limits] of Object.entries(value)) {
    const service = SERVICES.find((s) => s.code === serviceCode)
    if (!service) {
      problems.push(`stageLimits.${serviceCode}：业务代码应为 ${SERVICES.map((s) => s.code).join('、')}`)
      continue
    }
    if (!isObject(limits)) {
      problems.push(`stageLimits.${serviceCode} 应为对象：{ "环节代码": 工作日数 }`)
      continue
    }
    const merged = { ...out[service.code] }
    for (const [stageCode, days] of Object.entries(limits)) {
      const stage = stagesOf(service).find((s) => s.code === stageCode)
      const where = `stageLimits.${serviceCode}.${stageCode}`
      if (!stage) problems.push(`${where}：${service.name}没有此环节（可用：${stagesOf(service).map((s) => s.code).join('、')}）`)
      else if (stage.limitSource === 'seed') problems.push(`${where}：${stage.name}的时限为《实施方案》规定，不能改`)
      else if (!Number.isInteger(days) || (days as number) < 1 || (days as number) > MAX_STAGE_LIMIT_DAYS) problems.push(`${where}：应为1到${MAX_STAGE_LIMIT_DAYS}之间的整数（工作日）`)
      else merged[stage.code] = days as number
    }
    out[service.code] = merged
  }
  return out
}

/** The stages must fit the service's total, and the checkpoints the stage they lie inside. */
function sumProblems(stageLimits: SupplySettings['stageLimits']): string[] {
  const problems: string[] = []
  for (const service of servicesUnder({ suppliers: {}, stageLimits })) {
    const sum = service.stages.reduce((n, s) => n + s.limitDays, 0)
    if (sum > service.totalLimitDays) {
      problems.push(`stageLimits.${service.code}：${service.name}各环节时限合计${sum}个工作日，超过全流程${service.totalLimitDays}个工作日`)
    }
    for (const stage of service.stages.filter((s) => s.checkpoints?.length)) {
      const inside = (stage.checkpoints ?? []).reduce((n, c) => n + c.limitDays, 0)
      if (inside > stage.limitDays) problems.push(`stageLimits.${service.code}：${stage.name}内各检验时限合计${inside}个工作日，超过该环节的${stage.limitDays}个工作日`)
    }
  }
  return problems
}

/**
 * The settings with an override file's content applied: `{ "suppliers": {...}, "stageLimits": {...} }`, both
 * optional, naming only what changes. Every problem is named (in Chinese, with where it is); with any, `settings`
 * is undefined.
 */
export function applySupplyOverride(base: SupplySettings, override: unknown): { settings?: SupplySettings; problems: string[] } {
  if (!isObject(override)) return { problems: ['应为 JSON 对象：{ "suppliers": {...}, "stageLimits": {...} }'] }
  const problems = Object.keys(override).filter((k) => k !== 'suppliers' && k !== 'stageLimits')
    .map((k) => `未知的设置项 ${k}（可用：suppliers、stageLimits）`)
  const suppliers = override.suppliers === undefined ? base.suppliers : overrideSuppliers(base.suppliers, override.suppliers, problems)
  const stageLimits = override.stageLimits === undefined ? base.stageLimits : overrideLimits(base.stageLimits, override.stageLimits, problems)
  if (!problems.length) problems.push(...sumProblems(stageLimits))
  return problems.length ? { problems } : { settings: { suppliers, stageLimits }, problems }
}
