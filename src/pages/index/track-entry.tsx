import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { continueTo } from '@/features/auth/begin-apply'

/** Two ways to follow an application: one's own list (signed in), or a lookup by number and mobile. */
export function TrackEntry() {
  return (
    <View className='track-entry'>
      <View className='track-entry__item' role='link' onClick={() => continueTo('/packages/track/pages/list/index')}>
        <Text className='track-entry__title'>我的申请</Text>
        <Text className='track-entry__sub'>查看进度、补正材料、评价</Text>
      </View>
      <View className='track-entry__item' role='link' onClick={() => void Taro.navigateTo({ url: '/packages/track/pages/lookup/index' })}>
        <Text className='track-entry__title'>查询进度</Text>
        <Text className='track-entry__sub'>凭申请编号和手机号，免登录</Text>
      </View>
    </View>
  )
}
