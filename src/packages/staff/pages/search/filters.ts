import { SERVICES, type ServiceCode } from '@/core/services'

/** The filter chips of the staff search, in the order staff scan them: all, then the service table's order. */
export const SERVICE_FILTERS: { value: ServiceCode | ''; label: string }[] = [
  { value: '', label: '全部业务' }, ...SERVICES.map((s) => ({ value: s.code, label: s.shortName })),
]
export const STATE_FILTERS = [
  { value: '', label: '全部状态' }, { value: 'overdue', label: '已超时' }, { value: 'due-soon', label: '2日内到期' },
  { value: 'paused', label: '已暂停' }, { value: 'in-progress', label: '进行中' }, { value: 'completed', label: '已办结' },
] as const
export type ServiceFilter = ServiceCode | ''
export type StateFilter = (typeof STATE_FILTERS)[number]['value']
