import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import './track.css'

export interface CaseUnavailableProps {
  number: string
  /** NOT_FOUND for a signed-in applicant, LOOKUP_FAILED for an expired lookup; anything else is a failed load */
  code: string
  message: string
  onRetry: () => void
}

const LIST = '/packages/track/pages/list/index'
const lookupOf = (number: string) => `/packages/track/pages/lookup/index?number=${encodeURIComponent(number)}`

/**
 * A case that cannot be shown, and the ways on: a number that is not this account's (another family member's
 * 渝快办, a typo) leads to 我的申请 and to 免登录查询 (number and mobile); an expired lookup to a new one.
 */
export function CaseUnavailable({ number, code, message, onRetry }: CaseUnavailableProps) {
  const home = () => void Taro.reLaunch({ url: '/pages/index/index' })
  if (code === 'NOT_FOUND') {
    return (
      <View className='app-card' role='alert'>
        <View className='app-card__title' role='heading' aria-level={1}>当前账号下没有申请 {number}</View>
        <Text className='app-card__line'>这件申请可能是用其他账号（例如家人的渝快办）提交的，或者编号有误。您可以查看自己名下的申请，或凭申请时留的手机号查询这件申请的进度。</Text>
        <View className='case-unavailable__ways'>
          <Button block type='primary' size='large' onClick={() => void Taro.redirectTo({ url: LIST })}>查看我的申请</Button>
          <Button block size='large' onClick={() => void Taro.redirectTo({ url: lookupOf(number) })}>凭手机号查询进度</Button>
          <Button block size='large' onClick={home}>返回首页</Button>
        </View>
      </View>
    )
  }
  if (code === 'LOOKUP_FAILED') {
    return (
      <View className='app-card' role='alert'>
        <View className='app-card__title' role='heading' aria-level={1}>查询已失效</View>
        <Text className='app-card__line'>为保护您的信息，免登录查询的结果只能查看一段时间。请重新获取验证码查询。</Text>
        <View className='case-unavailable__ways'>
          <Button block type='primary' size='large' onClick={() => void Taro.redirectTo({ url: lookupOf(number) })}>重新查询</Button>
          <Button block size='large' onClick={home}>返回首页</Button>
        </View>
      </View>
    )
  }
  return (
    <View className='app-card' role='alert'>
      <Text className='app-card__line'>{message}</Text>
      <View className='case-unavailable__ways'>
        <Button block type='primary' size='large' onClick={onRetry}>重新加载</Button>
        <Button block size='large' onClick={home}>返回首页</Button>
      </View>
    </View>
  )
}
