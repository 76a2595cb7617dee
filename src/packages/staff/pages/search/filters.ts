/** The filter chips of the staff search, in the order staff scan them. */
export const SERVICE_FILTERS = [
  { value: '', label: '全部业务' }, { value: 'resident', label: '居民' }, { value: 'lv-business', label: '低压小微' }, { value: 'hv-10kv', label: '10千伏' },
] as const
export const STATE_FILTERS = [
  { value: '', label: '全部状态' }, { value: 'overdue', label: '已超时' }, { value: 'due-soon', label: '2日内到期' },
  { value: 'paused', label: '已暂停' }, { value: 'in-progress', label: '进行中' }, { value: 'completed', label: '已办结' },
] as const
export type ServiceFilter = (typeof SERVICE_FILTERS)[number]['value']
export type StateFilter = (typeof STATE_FILTERS)[number]['value']
