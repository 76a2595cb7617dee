import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PageRoot } from '@/components/page-root'
import { goHome } from '../leave-wizard'

/** A journey page reached after its draft was submitted (back, a link, a reload): the way on, not the wizard. */
export function SubmittedNotice({ number }: { number: string }) {
  return (
    <PageRoot className='step-page step-page--submitted'>
      <View className='step-page__body'>
        <View className='notice' role='status'>
          <Text className='submitted-notice__title'>这份申请已提交，申请编号 {number}</Text>
          <Text className='submitted-notice__text'>提交后不能再修改。可以查看办理进度，或回到首页办理新的申请。</Text>
        </View>
        <Button block type='primary' size='large' className='submitted-notice__button'
          onClick={() => void Taro.redirectTo({ url: `/packages/track/pages/detail/index?number=${number}` })}>查看办理进度</Button>
        <Button block size='large' className='submitted-notice__button' onClick={goHome}>返回首页</Button>
      </View>
    </PageRoot>
  )
}
