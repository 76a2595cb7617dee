import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PageRoot } from '@/components/page-root'
import type { YkbFrameProps } from './ykb-frame'
import '../account.css'

/**
 * Browser: the app leaves for 渝快办 itself (ykb-authorize.h5.ts), and 渝快办 refuses to be shown inside another
 * page, so a link to this mini-program page gets a way back to signing in instead of an empty frame.
 */
export function YkbFrame(_: YkbFrameProps) {
  return (
    <PageRoot className='account'>
      <View className='account__title' role='heading' aria-level={1}>请重新登录</View>
      <Text className='account__text'>这个页面只在微信小程序里使用。在浏览器中，请回到登录页，使用渝快办授权登录。</Text>
      <Button block type='primary' size='large' className='account__button'
        onClick={() => void Taro.redirectTo({ url: '/packages/account/pages/login/index' })}>返回登录</Button>
    </PageRoot>
  )
}
