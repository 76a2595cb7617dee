import { PageRoot } from '@/components/page-root'
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { startYkbAuthorize } from '@/features/auth/ykb-authorize'
import { WECHAT_LOGIN_AVAILABLE, wechatLoginCode } from '@/features/auth/wechat-login'
import { useSession } from '@/features/auth/stores/session-store'
import { continueTo } from '@/features/auth/begin-apply'
import { ApiError } from '@/lib/http/api-error'
import '../account.css'

export default function LoginPage() {
  const next = decodeURIComponent(useRouter().params.next ?? '/pages/index/index')
  const loginWechat = useSession((s) => s.loginWechat)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const wechat = async () => {
    setBusy(true)
    setError('')
    try {
      await loginWechat(await wechatLoginCode())
      continueTo(next, true)
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '微信登录失败，请重试')
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageRoot className='account'>
      <View className='account__title' role='heading' aria-level={1}>登录后在线申请</View>
      <Text className='account__text'>
        通过渝快办实名授权登录，系统可直接调取您的身份证、不动产权证书等电子证照，无需上传照片、无需到营业厅。
      </Text>
      {error && <View className='account__error' role='alert'>{error}</View>}
      <Button block type='primary' size='large' className='account__button' onClick={() => startYkbAuthorize(next)}>
        使用渝快办授权登录
      </Button>
      {WECHAT_LOGIN_AVAILABLE && (
        <Button block size='large' className='account__button' loading={busy} onClick={() => void wechat()}>
          微信一键登录
        </Button>
      )}
      <Text className='account__note'>
        登录只用于办理用电业务。不登录也可以查看办事指南。
      </Text>
    </PageRoot>
  )
}
