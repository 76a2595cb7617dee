import { View, Text } from '@tarojs/components'

export interface BarProps {
  label: string
  value: number | null
  /** the scale's maximum */
  max: number
  /** a target line, e.g. 7 working days */
  target?: number
  unit?: string
  /** coloured as over the target, and said so in words */
  over?: boolean
}

/** A simple horizontal bar: the number is always written, the bar only helps the eye. */
export function Bar({ label, value, max, target, unit = '', over }: BarProps) {
  const pct = (v: number) => `${Math.max(0, Math.min(100, (v / Math.max(max, 1)) * 100))}%`
  return (
    <View className='bar' aria-label={`${label}：${value ?? '无'}${unit}${over ? '，超过目标' : ''}`}>
      <View className='bar__label'>
        <Text>{label}</Text>
        <Text>{value === null ? '—' : `${Number.isInteger(value) ? value : value.toFixed(1)}${unit}`}{over ? '（超过目标）' : ''}</Text>
      </View>
      <View className='bar__track' aria-hidden>
        {value !== null && <View className={`bar__fill${over ? ' bar__fill--over' : ''}`} style={{ width: pct(value) }} />}
        {target !== undefined && <View className='bar__target' style={{ left: pct(target) }} />}
      </View>
    </View>
  )
}
