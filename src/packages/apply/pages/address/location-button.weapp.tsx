import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { Text } from '@tarojs/components'

export interface LocationButtonProps {
  picked?: string
  onPicked: (location: { latitude: number; longitude: number; name: string }) => void
}

/** Optional: mark the spot on the map (Taro.chooseLocation), so the crew finds the meter position. */
export function LocationButton({ picked, onPicked }: LocationButtonProps) {
  const choose = async () => {
    try {
      const r = await Taro.chooseLocation({})
      onPicked({ latitude: r.latitude, longitude: r.longitude, name: r.name || r.address })
    } catch {
      // cancelled or not authorised: the typed address is enough
    }
  }
  return (
    <>
      <Button block size='large' onClick={() => void choose()}>在地图上标注位置（可选）</Button>
      {picked && <Text className='field__hint'>已标注：{picked}</Text>}
    </>
  )
}
