import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { ApplicationDetail } from '@/contract/progress'
import { callApi } from '@/lib/http/client'
import { ApiError } from '@/lib/http/api-error'
import { WithdrawBox } from '@/features/track/components/withdraw-box'
import { UploadBox } from '@/features/track/components/upload-box'
import { SUBSCRIBE_AVAILABLE, askToSubscribe } from '@/features/track/subscribe'

export interface DetailActionsProps {
  detail: ApplicationDetail
  onChange: (d: ApplicationDetail) => void
}

/** Only the actions that fit the current state, as the server says. */
export function DetailActions({ detail, onChange }: DetailActionsProps) {
  const { actions, number } = detail
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [subscribed, setSubscribed] = useState('')

  const send = async (call: () => Promise<ApplicationDetail>) => {
    setBusy(true)
    setError('')
    try { onChange(await call()) } catch (e) { setError(e instanceof ApiError ? (e.fieldErrors[0]?.message ?? e.message) : '提交失败，请重试') } finally { setBusy(false) }
  }

  return (
    <View>
      {detail.supplement && actions.supplement && (
        <UploadBox title='需要补正材料' lead={`${detail.supplement.message}（补正期间不计入供电企业时限）`} codes={[]} busy={busy} error={error}
          onSubmit={(f) => void send(() => callApi('supplement', { params: { number }, body: { uploadIds: f.files ?? [] } }))} />
      )}
      {actions.checkpointUpload && (
        <UploadBox title='上传本环节材料' lead='请上传以下材料，供电企业收到后开始检验。' codes={actions.checkpointUpload.materials} busy={busy} error={error}
          onSubmit={(files) => void send(() => callApi('checkpointMaterials', { params: { number }, body: { stage: actions.checkpointUpload!.stage as 'design-review', files } }))} />
      )}
      {actions.rate && (
        <Button block type='primary' size='large' onClick={() => void Taro.navigateTo({ url: `/packages/track/pages/rate/index?number=${number}` })}>
          评价本次服务（好差评）
        </Button>
      )}
      {SUBSCRIBE_AVAILABLE && detail.process.state !== 'completed' && (
        <View>
          <Button block size='large' onClick={() => void askToSubscribe(number).then((a) => setSubscribed(a.length ? '已订阅进度提醒' : '未订阅：可以随时再开启'))}>
            订阅办理进度提醒
          </Button>
          {subscribed && <Text className='app-card__line'>{subscribed}</Text>}
        </View>
      )}
      {actions.withdraw && <View className='detail-withdraw'><WithdrawBox number={number} onDone={onChange} /></View>}
    </View>
  )
}
