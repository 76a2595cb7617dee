import { View, Text } from '@tarojs/components'
import { TYPICAL_LOADS_NOTE, type TypicalLoad } from '@/core/typical-loads'

export interface CapacityPresetsProps {
  loads: TypicalLoad[]
  /** the capacity now entered, to mark the matching value */
  value?: number
  onPick: (load: TypicalLoad) => void
}

/** Typical capacities by kind of premises, beside the capacity field: a guide against typos, and one tap to fill. */
export function CapacityPresets({ loads, value, onPick }: CapacityPresetsProps) {
  if (loads.length === 0) return null
  return (
    <View className='capacity-presets'>
      <Text className='capacity-presets__title'>常见容量（{TYPICAL_LOADS_NOTE}），点一下即可填入：</Text>
      <View className='capacity-presets__items'>
        {loads.map((load) => (
          <View key={load.label} role='button' aria-label={`填入${load.kw}千瓦（${load.label}）`} aria-pressed={value === load.kw}
            className={`capacity-preset${value === load.kw ? ' capacity-preset--on' : ''}`} onClick={() => onPick(load)}>
            <Text className='capacity-preset__kw'>{load.kw}千瓦</Text>
            <Text className='capacity-preset__label'>{load.label}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
