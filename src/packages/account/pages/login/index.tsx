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
  const params = useRouter().params
  const next = decodeURIComponent(params.next ?? '/pages/index/index')
  // signed in with WeChat, about to apply: only a 渝快办 real-name identity will do
  const bind = params.bind === '1'
  // a link to one of the applicant's cases (我的申请, a detail page) brought them here
  const tracking = next.startsWith('/packages/track/')
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
      <View className='account__title' role='heading' aria-level={1}>{bind ? '请完成渝快办实名认证' : tracking ? '登录后查看您的申请' : '登录后在线申请'}</View>
      <Text className='account__text'>
        {bind
          ? '申请办电须以本人实名身份办理：请通过渝快办授权您的实名信息，我们会核对您提供的身份证件是否为本人所有。'
          : '通过渝快办实名授权登录，系统可直接调取您的身份证、不动产权证书等电子证照，无需上传照片、无需到营业厅。'}
      </Text>
      {error && <View className='account__error' role='alert'>{error}</View>}
      <Button block type='primary' size='large' className='account__button' onClick={() => startYkbAuthorize(next)}>
        使用渝快办授权登录
      </Button>
      {WECHAT_LOGIN_AVAILABLE && !bind && (
        <Button block size='large' className='account__button' loading={busy} onClick={() => void wechat()}>
          微信一键登录
        </Button>
      )}
      <Text className='account__note'>
        {tracking ? '登录后回到您要查看的申请。没有登录账号的家人，可在首页用“查询进度”凭申请编号和手机号查看。' : '登录只用于办理用电业务。不登录也可以查看办事指南。'}
      </Text>
    </PageRoot>
  )
}
