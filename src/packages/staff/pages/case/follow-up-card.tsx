import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { TextArea } from '@/components/form/text-area'
import { Button } from '@nutui/nutui-react-taro'
import type { StaffCaseDetail } from '@/contract/staff'
import { chinaDateTime } from '@/lib/china-time'
import { ApiError } from '@/lib/http/api-error'
import { staffCases } from '@/features/staff/api'

export interface FollowUpCardProps {
  detail: StaffCaseDetail
  onChange: (d: StaffCaseDetail) => void
}

/** A 差评 (1–2 stars) must be followed up by its deadline: what the call found closes it, once. */
export function FollowUpCard({ detail, onChange }: FollowUpCardProps) {
  const f = detail.followUp
  const [note, setNote] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  if (!f) return null

  const close = async () => {
    if (note.trim().length < 2) return setError('请填写回访情况')
    setBusy(true)
    setError('')
    try {
      onChange(await staffCases.followUp(detail.application.number, note.trim()))
    } catch (e) {
      setError(e instanceof ApiError ? (e.fieldErrors[0]?.message ?? e.message) : '提交失败，请重试')
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className={`app-card follow-up${f.closed ? '' : ' follow-up--open'}`}>
      <Text className='app-card__title'>差评回访（{f.grade}星）：{f.closed ? '已完成' : '待回访'}</Text>
      <Text className='app-card__line'>须在{f.deadline}前回访{f.estimated ? '（节假日未公布，按工作日估算）' : ''}</Text>
      {f.closed ? (
        <Text className='app-card__line'>{f.closedAt ? chinaDateTime(f.closedAt) : ''} {f.closedBy}：{f.note}</Text>
      ) : (
        <>
          <TextArea className='panel__textarea' value={note} maxlength={300} placeholder='回访情况：联系了谁、申请人反映的问题、如何整改'
            label='回访情况' onChange={setNote} />
          {error && <View className='panel__error' role='alert'>{error}</View>}
          <Button block type='primary' size='large' loading={busy} disabled={busy} onClick={() => void close()}>记录回访并完成</Button>
        </>
      )}
    </View>
  )
}
