import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { ApplicationDetail } from '@/contract/progress'
import { trackApi } from '@/features/track/api/track-api'
import { ApiError } from '@/lib/http/api-error'
import { WaitingCard } from '@/features/track/components/waiting-card'
import { PropertyProofCard, SupplementBox, UploadBox } from '@/features/track/components/hand-in-forms'
import { SUBSCRIBE_AVAILABLE, askToSubscribe } from '@/features/track/subscribe'

export interface DetailActionsProps {
  detail: ApplicationDetail
  onChange: (d: ApplicationDetail) => void
}

/**
 * The running 10 kV checkpoint whose materials may be uploaded, and whether they have been sent already (an
 * upload recorded after it started): then the applicant sees that, not the same empty-looking form again.
 */
function openCheckpoint(detail: ApplicationDetail) {
  const upload = detail.actions.checkpointUpload
  if (!upload) return null
  const checkpoint = detail.stages.flatMap((s) => s.checkpoints).find((c) => c.code === upload.stage)
  const since = checkpoint?.startedAt ?? ''
  const sent = detail.timeline.some((t) => t.type === 'checkpoint-materials' && t.at >= since)
  return { ...upload, name: checkpoint?.name ?? '本环节', sent }
}

/** Only the actions that fit the current state, as the server says. */
export function DetailActions({ detail, onChange }: DetailActionsProps) {
  const { actions, number } = detail
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [subscribed, setSubscribed] = useState('')
  const checkpoint = openCheckpoint(detail)

  const send = async (call: () => Promise<ApplicationDetail>) => {
    setBusy(true)
    setError('')
    try { onChange(await call()) } catch (e) { setError(e instanceof ApiError ? (e.fieldErrors[0]?.message ?? e.message) : '提交失败，请重试') } finally { setBusy(false) }
  }

  const asked = detail.waiting?.materials.map((m) => m.name).join('、')
  // a 渝快办 authorisation asked from here comes back to this case
  const here = `/packages/track/pages/detail/index?number=${encodeURIComponent(number)}` as const
  return (
    <View>
      {detail.waiting && (
        <WaitingCard waiting={detail.waiting} canDispute={actions.dispute} busy={busy} error={error}
          onDispute={(kind, note) => void send(() => trackApi.dispute(number, { kind, note: note.trim() || undefined }))} />
      )}
      {detail.supplement && actions.supplement && (
        <SupplementBox asked={detail.waiting?.materials ?? []} lead={asked ? `请上传：${asked}` : detail.supplement.message} returnTo={here} busy={busy} error={error}
          onSubmit={(sent) => void send(() => trackApi.supplement(number, sent))} />
      )}
      {detail.propertyProof && (
        <PropertyProofCard proof={detail.propertyProof} canHandIn={actions.propertyProof} returnTo={here} busy={busy} error={error}
          onHandIn={(materialId) => void send(() => trackApi.propertyProof(number, materialId))} />
      )}
      {checkpoint && !checkpoint.sent && (
        <UploadBox title='上传本环节材料' lead='请上传以下材料，供电企业收到后开始检验。' codes={checkpoint.materials} busy={busy} error={error}
          onSubmit={(files) => void send(() => trackApi.checkpointMaterials(number, { stage: checkpoint.stage as 'design-review', files }))} />
      )}
      {checkpoint?.sent && (
        <View className='app-card' role='status'>
          <Text className='app-card__title'>已提交{checkpoint.name}材料</Text>
          <Text className='app-card__line'>供电企业检验后会在下方办理环节中更新，无需再次提交。</Text>
        </View>
      )}
      {actions.rate && (
        <Button className='detail-actions__button' block type='primary' size='large' onClick={() => void Taro.navigateTo({ url: `/packages/track/pages/rate/index?number=${number}` })}>
          评价本次服务（好差评）
        </Button>
      )}
      {SUBSCRIBE_AVAILABLE && detail.process.state !== 'completed' && (
        <View>
          <Button className='detail-actions__button' block size='large' onClick={() => void askToSubscribe(number).then((a) => setSubscribed(a.length ? '已订阅进度提醒' : '未订阅：可以随时再开启'))}>
            订阅办理进度提醒
          </Button>
          {subscribed && <Text className='app-card__line'>{subscribed}</Text>}
        </View>
      )}
    </View>
  )
}
