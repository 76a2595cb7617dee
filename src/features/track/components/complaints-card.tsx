import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { TextArea } from '@/components/form/text-area'
import { Button } from '@nutui/nutui-react-taro'
import type { ApplicationDetail } from '@/contract/progress'
import type { ComplaintView } from '@/contract/complaints'
import { COMPLAINT_ANSWER_WORKING_DAYS, escalationSteps } from '@/core/complaints'
import { providerByCode } from '@/core/providers'
import { chinaDateTime } from '@/lib/china-time'
import { ApiError } from '@/lib/http/api-error'
import { trackApi } from '@/features/track/api/track-api'
import './complaints.css'

export interface ComplaintsCardProps {
  detail: ApplicationDetail
  onChange: (d: ApplicationDetail) => void
}

/** When the case is late: where to turn, in order, each with the case number to quote. */
/** `signedIn`: the applicant's own view, with the complaint form below (not so for a 查询进度 lookup). */
export function Escalation({ detail, signedIn = true }: { detail: ApplicationDetail; signedIn?: boolean }) {
  const steps = escalationSteps({ name: detail.supplierName, contact: providerByCode(detail.supplier)?.contact ?? '' }, signedIn)
  return (
    <View className='app-card escalation' role='region' aria-label='超过时限怎么办'>
      <Text className='app-card__title'>已超过办理时限：您可以按顺序这样做</Text>
      <Text className='escalation__number'>反映时请报申请编号：{detail.number}</Text>
      {steps.map((s, i) => (
        <View key={s.code} className='escalation__step'>
          <Text className='escalation__order' aria-label={`第${i + 1}步`}>{i + 1}</Text>
          <View className='escalation__body'>
            <Text className='escalation__title'>{s.title}</Text>
            <Text className='escalation__line'>联系：{s.contact}</Text>
            <Text className='escalation__line'>{s.what}</Text>
            <Text className='escalation__line'>请报申请编号 {detail.number}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}

function ComplaintItem({ c, busy, onClose }: { c: ComplaintView; busy: boolean; onClose: () => void }) {
  return (
    <View className='complaint'>
      <Text className={`complaint__state${c.answerOverdue ? ' complaint__state--overdue' : ''}`}>{c.answerOverdue ? '已超过答复期限' : c.stateName}</Text>
      <Text className='app-card__line'>{chinaDateTime(c.receivedAt)}投诉：{c.text}</Text>
      {c.answer === null && <Text className='app-card__line'>供电企业应在{c.answerDue}前答复{c.answerDueEstimated ? '（节假日未公布，按工作日估算）' : ''}</Text>}
      {c.answer !== null && <Text className='complaint__answer'>{c.answeredBy}于{chinaDateTime(c.answeredAt ?? '')}答复：{c.answer}</Text>}
      {c.closedAt && <Text className='app-card__line'>您已于{chinaDateTime(c.closedAt)}结束此投诉</Text>}
      {c.state === 'answered' && (
        <View>
          <Text className='app-card__line'>问题解决了，可以结束投诉；没有解决，请按上面的顺序继续反映。</Text>
          <Button block size='large' loading={busy} disabled={busy} onClick={onClose}>已看到答复，结束投诉</Button>
        </View>
      )}
    </View>
  )
}

/** In-app complaints about the case (received, answered, closed), and, when the case is late, where else to turn. */
export function ComplaintsCard({ detail, onChange }: ComplaintsCardProps) {
  const late = detail.process.state === 'overdue'
  const [open, setOpen] = useState(false)
  const [text, setText] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const send = async (call: () => Promise<ApplicationDetail>) => {
    setBusy(true); setError('')
    try { onChange(await call()); setOpen(false); setText('') } catch (e) {
      setError(e instanceof ApiError ? (e.fieldErrors[0]?.message ?? e.message) : '提交失败，请重试')
    } finally { setBusy(false) }
  }
  const formShown = detail.actions.complain && (late || open)
  return (
    <View>
      {late && <Escalation detail={detail} />}
      {(detail.complaints.length > 0 || formShown) && (
        <View className='app-card complaints'>
          <Text className='app-card__title'>在线投诉</Text>
          {detail.complaints.map((c) => <ComplaintItem key={c.id} c={c} busy={busy} onClose={() => void send(() => trackApi.closeComplaint(detail.number, c.id))} />)}
          {formShown && (
            <View className='complaint'>
              <Text className='app-card__line'>写明问题，{detail.supplierName}将在{COMPLAINT_ANSWER_WORKING_DAYS}个工作日内答复（默认时限），答复会显示在这里。</Text>
              <TextArea className='complaint__textarea' value={text} maxlength={500} placeholder='例如：已超过承诺时限，仍未安排接电'
                label='投诉内容' onChange={setText} />
              {error && <View className='complaint__error' role='alert'>{error}</View>}
              <Button block type='primary' size='large' loading={busy} disabled={busy} onClick={() => void send(() => trackApi.complain(detail.number, text.trim()))}>提交投诉</Button>
            </View>
          )}
          {!formShown && error && <View className='complaint__error' role='alert'>{error}</View>}
        </View>
      )}
      {!late && detail.actions.complain && !open && (
        <View className='complaint__link' role='button' onClick={() => setOpen(true)}>对办理不满意？在线投诉</View>
      )}
    </View>
  )
}
