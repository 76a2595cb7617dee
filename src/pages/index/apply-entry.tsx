import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { continueTo } from '@/features/auth/begin-apply'
import { useDraft } from '@/features/apply/stores/draft-store'
import { pagePath, STEPS } from '@/features/apply/steps'
import { ApiError } from '@/lib/http/api-error'

/** Discarding, asked first: what is deleted cannot be brought back. */
function DiscardDraft() {
  const discard = useDraft((s) => s.discard)
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  const confirm = async () => {
    setBusy(true)
    setError('')
    try {
      await discard()
      setAsking(false)
      void Taro.showToast({ title: '草稿已放弃', icon: 'none' })
    } catch (e) {
      setError(`${e instanceof ApiError ? e.message : '操作失败'}。草稿仍然保留，请稍后再试。`)
    } finally {
      setBusy(false)
    }
  }

  // distinct keys: Taro's H5 DOM would otherwise reuse one element for both and keep the dialog's role and label
  if (!asking) return <View key='link' className='apply-entry__discard' role='button' onClick={() => setAsking(true)}>放弃草稿</View>
  return (
    <View key='dialog' className='discard-box' role='dialog' aria-label='确认放弃草稿'>
      <Text className='discard-box__title'>放弃这份草稿？</Text>
      <Text className='discard-box__text'>已填写的内容和上传的照片将被删除，无法恢复。已提交的申请不受影响。</Text>
      {error && <View className='notice' role='alert'>{error}</View>}
      <View className='discard-box__buttons'>
        <Button size='large' onClick={() => { setAsking(false); setError('') }}>保留草稿</Button>
        <Button type='danger' size='large' loading={busy} disabled={busy} onClick={() => void confirm()}>确认放弃</Button>
      </View>
    </View>
  )
}

/** The way in: start an application, or resume the saved draft on the page it was left (or discard it). */
export function ApplyEntry() {
  const page = useDraft((s) => s.page)
  const started = useDraft((s) => Object.keys(s.answers).length > 0)
  const title = STEPS.find((s) => s.id === page)?.title
  return (
    <View className='apply-entry'>
      <Button block type='primary' size='large' className='apply-entry__button' onClick={() => continueTo(pagePath(started ? page : 'service'))}>
        {started ? '继续填写申请' : '我要申请办电'}
      </Button>
      {started && (
        <View className='apply-entry__draft'>
          <Text className='apply-entry__hint'>草稿已保存，上次填到：{title}</Text>
          <DiscardDraft />
        </View>
      )}
    </View>
  )
}
