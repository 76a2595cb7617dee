// Typical connection capacities (报装容量) by kind of premises: guidance shown beside the capacity field and offered
// as one-tap values. Reference figures, not rules: the applicant's own appliances decide (the page says so).
import type { UseCode } from './uses'

export interface TypicalLoad {
  kw: number
  /** the kind of premises, in the applicant's words */
  label: string
  /** the use (用电用途) this kind of premises usually is, chosen with the value when none is chosen yet */
  use: UseCode
}

/** A household: an ordinary flat, a larger home with electric heating or cooking. */
export const HOME_LOADS: TypicalLoad[] = [
  { kw: 8, label: '普通住宅', use: 'home' },
  { kw: 12, label: '大户型、电采暖或电灶', use: 'home' },
]

/** Small businesses at low voltage: a shop, an office, a restaurant, a workshop. */
export const BUSINESS_LOADS: TypicalLoad[] = [
  { kw: 10, label: '小商铺、便利店', use: 'shop' },
  { kw: 15, label: '小型办公室', use: 'office' },
  { kw: 30, label: '餐馆、小吃店', use: 'shop' },
  { kw: 50, label: '小型加工作坊', use: 'workshop' },
]

/** Said beside the figures: they are a guide, and the low-voltage limit. */
export const TYPICAL_LOADS_NOTE = '参考值，以实际用电设备的功率合计为准'
