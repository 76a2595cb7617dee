import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ChoiceList } from '@/components/form/choice-list'
import type { ApplicationDetail } from '@/contract/progress'
import { callApi } from '@/lib/http/client'
import { ApiError } from '@/lib/http/api-error'

const REASONS = ['不再需要用电', '信息填写有误，准备重新申请', '用电地址或容量有变化', '其他原因'] as const

export interface WithdrawBoxProps {
  number: string
  onDone: (d: ApplicationDetail) => void
}

/** Withdraw (撤件) with a reason and an explicit confirmation; nothing typed. */
export function WithdrawBox({ number, onDone }: WithdrawBoxProps) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState<(typeof REASONS)[number]>()
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const confirm = async () => {
    if (!reason) return setError('请选择撤回原因')
    setBusy(true)
    try {
      onDone(await callApi('withdraw', { params: { number }, body: { reason } }))
      setOpen(false)
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '撤回失败，请重试')
    } finally {
      setBusy(false)
    }
  }

  if (!open) return <Button block size='large' onClick={() => setOpen(true)}>撤回申请</Button>
  return (
    <View className='app-card' role='dialog' aria-label='确认撤回申请'>
      <Text className='app-card__title'>确认撤回申请？</Text>
      <Text className='app-card__line'>撤回后本申请终止办理，不能恢复；需要时可以重新申请。</Text>
      <ChoiceList path='withdraw.reason' label='撤回原因' value={reason} error={error || undefined}
        onChange={setReason} choices={REASONS.map((r) => ({ value: r, label: r }))} />
      <View className='panel__buttons'>
        <Button size='large' onClick={() => setOpen(false)}>不撤回</Button>
        <Button type='primary' size='large' loading={busy} disabled={busy} onClick={() => void confirm()}>确认撤回</Button>
      </View>
    </View>
  )
}
