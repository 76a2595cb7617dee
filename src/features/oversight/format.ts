// How the oversight pages write a figure: never a bare blank, the unit beside it.
export const pct = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`)
export const days = (v: number | null) => (v === null ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(1))
export const valueWithUnit = (v: number | null, unit: string) => (v === null ? '—' : `${days(v)}${unit === '件' ? '件' : unit === '%' ? '%' : '天'}`)
