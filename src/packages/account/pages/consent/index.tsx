import { PageRoot } from '@/components/page-root'
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { CONSENT_NOTICE } from '@/features/auth/consent-notice'
import { useSession } from '@/features/auth/stores/session-store'
import { continueTo } from '@/features/auth/begin-apply'
import { requirePlatformPrivacy } from '@/features/auth/platform-privacy'
import { ApiError } from '@/lib/http/api-error'
import '../account.css'

/** Separate, plain-language consent before any ID data or image is collected. */
export default function ConsentPage() {
  const next = decodeURIComponent(useRouter().params.next ?? '/pages/index/index')
  const setConsent = useSession((s) => s.setConsent)
  const [declined, setDeclined] = useState(false)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const agree = async () => {
    setBusy(true)
    setError('')
    try {
      if (!(await requirePlatformPrivacy())) {
        setError('需要同意微信的隐私保护授权，才能使用拍照、扫码等功能')
        return
      }
      await setConsent(true)
      continueTo(next, true)
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '提交失败，请重试')
    } finally {
      setBusy(false)
    }
  }

  if (declined) {
    return (
      <PageRoot className='account'>
        <View className='account__title' role='heading' aria-level={1}>您没有同意</View>
        <Text className='account__text'>不同意也没关系：您仍可浏览办事指南、查询办理进度。需要在线申请时，可以再回来阅读并同意。</Text>
        <Button block type='primary' size='large' className='account__button' onClick={() => void Taro.reLaunch({ url: '/pages/index/index' })}>返回首页</Button>
        <Button block size='large' className='account__button' onClick={() => setDeclined(false)}>重新阅读说明</Button>
      </PageRoot>
    )
  }

  return (
    <PageRoot className='account'>
      <View className='account__title' role='heading' aria-level={1}>办电需要收集的个人信息</View>
      <Text className='account__text'>请在提供证件信息前阅读。这是单独的同意，与其他协议无关。</Text>
      {CONSENT_NOTICE.map((s) => (
        <View className='account__section' key={s.heading}>
          <View className='account__h2' role='heading' aria-level={2}>{s.heading}</View>
          <Text className='account__p'>{s.text}</Text>
        </View>
      ))}
      {error && <View className='account__error' role='alert'>{error}</View>}
      <Button block type='primary' size='large' className='account__button' loading={busy} disabled={busy} onClick={() => void agree()}>
        同意并继续
      </Button>
      <Button block size='large' className='account__button' onClick={() => setDeclined(true)}>不同意</Button>
    </PageRoot>
  )
}
