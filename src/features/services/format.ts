import type { ServiceCatalogue } from '@/contract/services'

type Service = ServiceCatalogue['services'][number]

/** "全流程不超过7个工作日" / "全流程平均不超过28个工作日" */
export function totalLimitText(s: Pick<Service, 'totalLimitDays' | 'totalLimitKind'>): string {
  return `全流程${s.totalLimitKind === 'average' ? '平均' : ''}不超过${s.totalLimitDays}个工作日`
}

export function feeText(s: Pick<Service, 'feeYuan'>): string {
  if (s.feeYuan === null) return '按收费标准'
  return s.feeYuan === 0 ? '免费（0元）' : `${s.feeYuan}元`
}

export function capacityText(s: Pick<Service, 'maxCapacityKw' | 'minCapacityKw' | 'voltage'>): string {
  if (s.voltage === null) return ''
  if (s.maxCapacityKw != null) return `${s.voltage}，${s.maxCapacityKw}千瓦及以下`
  return s.minCapacityKw > 0 ? `${s.voltage}，${s.minCapacityKw}千瓦以上` : s.voltage
}

/** The providers of the services applied for on their own (the electricity enterprises, chosen by township). */
export const townshipSplitProviders = (c: ServiceCatalogue): ServiceCatalogue['suppliers'] =>
  c.suppliers.filter((p) => c.services.some((s) => s.standalone && s.utility === p.kind))
