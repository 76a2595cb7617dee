// 用电用途: what the power is for. Each service offers its own subset (Service.uses).

export const USE_LABELS = {
  shop: '商铺经营', office: '办公', workshop: '生产加工', farming: '农业生产', home: '居民生活', other: '其他',
} as const
export type UseCode = keyof typeof USE_LABELS
export const USE_CODES = Object.keys(USE_LABELS) as UseCode[]
