import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { continueTo } from '@/features/auth/begin-apply'
import { useDraft } from '@/features/apply/stores/draft-store'
import { DraftConflictBox } from '@/features/apply/components/draft-conflict'
import { useSession } from '@/features/auth/stores/session-store'
import { pagePath, STEPS } from '@/features/apply/steps'
import { ApiError } from '@/lib/http/api-error'

/** Discarding, asked first: what is deleted cannot be brought back. `onDiscarded` runs once it is gone. */
function DiscardDraft({ onDiscarded }: { onDiscarded: () => void }) {
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
      onDiscarded()
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

/**
 * The way in: start an application, or go on with the account's saved draft on the page it was left (or
 * discard it). The draft follows the account: each time this page shows, the server's copy is fetched, so a
 * draft saved on another phone is offered here too; a draft is shown only to the account it belongs to.
 */
export function ApplyEntry() {
  const userId = useSession((s) => (s.session ? s.me?.userId : undefined))
  const page = useDraft((s) => s.page)
  const mine = useDraft((s) => userId !== undefined && (s.ownerId === null || s.ownerId === userId))
  const started = useDraft((s) => Object.keys(s.answers).length > 0) && mine
  useDidShow(() => {
    if (userId) void useDraft.getState().follow(userId).catch(() => undefined)
  })
  const title = STEPS.find((s) => s.id === page)?.title
  // said on the page, where it stays until a new application starts (a toast is gone before some have read it)
  const [discarded, setDiscarded] = useState(false)
  return (
    <View className='apply-entry'>
      {mine && <DraftConflictBox />}
      <Button block type='primary' size='large' className='apply-entry__button' onClick={() => continueTo(pagePath(started ? page : 'service'))}>
        {started ? '继续上次的申请' : '我要申请办电'}
      </Button>
      {started && (
        <View className='apply-entry__draft'>
          <Text className='apply-entry__hint'>草稿已保存，上次填到：{title}</Text>
          <DiscardDraft onDiscarded={() => setDiscarded(true)} />
        </View>
      )}
      {discarded && !started && <View className='apply-entry__hint' role='status'>草稿已放弃，已填写的内容和照片已删除</View>}
    </View>
  )
}
