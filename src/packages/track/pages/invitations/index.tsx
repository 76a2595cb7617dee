import { PageRoot } from '@/components/page-root'
import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Invitation } from '@/contract/leads'
import { INVITATION_TITLE } from '@/core/leads'
import { invitationsApi } from '@/features/invitations/api'
import { InvitationCard } from '@/features/invitations/invitation-card'
import { ApiError } from '@/lib/http/api-error'
import '@/features/invitations/invitations.css'

const messageOf = (e: unknown, fallback: string) => (e instanceof ApiError ? e.message : fallback)

/** The owner's invitations from the supply enterprises: apply with one confirmation, or decline. */
export default function InvitationsPage() {
  const [items, setItems] = useState<Invitation[] | null>(null)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState('')
  const [done, setDone] = useState('')

  const load = () => invitationsApi.mine().then(setItems, (e: unknown) => setError(messageOf(e, '加载失败，请重试')))
  useEffect(() => { void load() }, [])

  const accept = async (v: Invitation) => {
    setBusy(v.id)
    setError('')
    try {
      const receipt = await invitationsApi.accept(v)
      void Taro.redirectTo({ url: `/packages/apply/pages/result/index?number=${receipt.number}` })
    } catch (e) {
      setError(messageOf(e, '提交失败，请重试'))
      setBusy('')
    }
  }
  const decline = async (v: Invitation) => {
    setBusy(v.id)
    setError('')
    try {
      await invitationsApi.decline(v.id)
      setDone(`已谢绝${v.supplierName}的邀请。如需用电，可随时在首页“我要申请办电”自行申请。`)
      await load()
    } catch (e) {
      setError(messageOf(e, '操作失败，请重试'))
    } finally {
      setBusy('')
    }
  }

  return (
    <PageRoot className='track-page' busy={!items && !error}>
      <View className='section-title' role='heading' aria-level={1}>{INVITATION_TITLE}</View>
      {error && <View className='notice' role='alert'>{error}</View>}
      {done && <View className='info' role='status'>{done}</View>}
      {items?.length === 0 && <View className='empty'><Text className='empty__text'>目前没有待答复的邀请</Text></View>}
      {items?.map((v) => (
        <InvitationCard key={v.id} invitation={v} busy={busy === v.id} onAccept={() => void accept(v)} onDecline={() => void decline(v)} />
      ))}
    </PageRoot>
  )
}
