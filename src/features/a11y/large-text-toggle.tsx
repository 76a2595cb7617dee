import { View, Text } from '@tarojs/components'
import { useFontScale, useFontScaleStore } from './font-scale-store'

/** A switch for 大字模式, stated in words; it overrides the platform's font setting either way. */
export function LargeTextToggle() {
  const on = useFontScale() > 1
  const toggle = useFontScaleStore((s) => s.toggle)
  return (
    <View className='large-text-toggle' role='switch' aria-checked={on} onClick={toggle}>
      <Text className='large-text-toggle__label'>大字模式</Text>
      <Text className='large-text-toggle__state'>{on ? '已开启' : '已关闭'}</Text>
    </View>
  )
}
