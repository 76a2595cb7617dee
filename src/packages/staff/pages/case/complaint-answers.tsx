import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { TextArea } from '@/components/form/text-area'
import { Button } from '@nutui/nutui-react-taro'
import type { StaffCaseDetail } from '@/contract/staff'
import type { ComplaintView } from '@/contract/complaints'
import { chinaDateTime } from '@/lib/china-time'
import { ApiError } from '@/lib/http/api-error'
import { staffCases } from '@/features/staff/api'
import '@/features/track/components/complaints.css'

interface Props {
  detail: StaffCaseDetail
  onChange: (d: StaffCaseDetail) => void
}

function Answer({ number, c, onChange }: { number: string; c: ComplaintView; onChange: Props['onChange'] }) {
  const [text, setText] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const answer = async () => {
    setBusy(true); setError('')
    try {
      onChange(await staffCases.answerComplaint(number, c.id, text.trim()))
    } catch (e) {
      setError(e instanceof ApiError ? (e.fieldErrors[0]?.message ?? e.message) : '提交失败，请重试')
    } finally { setBusy(false) }
  }
  return (
    <View>
      <TextArea className='complaint__textarea' value={text} maxlength={500} placeholder='答复申请人：查明的情况、怎么解决、何时办好'
        label='投诉答复' onChange={setText} />
      {error && <View className='complaint__error' role='alert'>{error}</View>}
      <Button block type='primary' size='large' loading={busy} disabled={busy} onClick={() => void answer()}>答复投诉</Button>
    </View>
  )
}

/** The case's in-app complaints: each is answered once by the enterprise's staff, by its due day; the applicant sees the answer. */
export function ComplaintAnswers({ detail, onChange }: Props) {
  const list = detail.application.complaints
  if (list.length === 0) return null
  return (
    <View className={`app-card${list.some((c) => c.state === 'received') ? ' follow-up--open' : ''}`}>
      <Text className='app-card__title'>在线投诉（{list.length}件）</Text>
      {list.map((c) => (
        <View key={c.id} className='complaint'>
          <Text className={`complaint__state${c.answerOverdue ? ' complaint__state--overdue' : ''}`}>{c.answerOverdue ? '已超过答复期限' : c.stateName}</Text>
          <Text className='app-card__line'>{chinaDateTime(c.receivedAt)}收到：{c.text}</Text>
          <Text className='app-card__line'>答复期限：{c.answerDue}前{c.answerDueEstimated ? '（按工作日估算）' : ''}</Text>
          {c.answer !== null && <Text className='complaint__answer'>{chinaDateTime(c.answeredAt ?? '')}已答复：{c.answer}</Text>}
          {c.closedAt && <Text className='app-card__line'>申请人已于{chinaDateTime(c.closedAt)}结束此投诉</Text>}
          {c.state === 'received' && <Answer number={detail.application.number} c={c} onChange={onChange} />}
        </View>
      ))}
    </View>
  )
}
