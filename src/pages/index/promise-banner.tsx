import { View, Text } from '@tarojs/components'

/** The reform's promise, stated plainly at the top of the first screen. */
export function PromiseBanner() {
  return (
    <View className='promise'>
      <Text className='promise__title'>万州办电</Text>
      <Text className='promise__slogan'>零上门 · 零审批 · 零投资</Text>
      <Text className='promise__text'>小微企业低压接电全流程不超过7个工作日；身份证、房产证用电子证照，手机上就能办。</Text>
    </View>
  )
}
