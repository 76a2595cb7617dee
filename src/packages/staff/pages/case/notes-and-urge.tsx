import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { TextArea } from '@/components/form/text-area'
import { Button } from '@nutui/nutui-react-taro'
import type { StaffCaseDetail } from '@/contract/staff'
import { isClosedState } from '@/core/progress'
import { chinaDateTime } from '@/lib/china-time'
import { ApiError } from '@/lib/http/api-error'
import { staffCases } from '@/features/staff/api'

export interface NotesAndUrgeProps {
  detail: StaffCaseDetail
  onChange: (d: StaffCaseDetail) => void
}

/** Internal notes (never shown to the applicant) and 催办 (recorded as an event, the unit notified). */
export function NotesAndUrge({ detail, onChange }: NotesAndUrgeProps) {
  const number = detail.application.number
  const [text, setText] = useState('')
  const [error, setError] = useState('')
  const [done, setDone] = useState('')
  const [busy, setBusy] = useState(false)
  const open = !isClosedState(detail.application.process.state)

  const run = async (what: 'note' | 'urge') => {
    if (text.trim().length < (what === 'urge' ? 2 : 1)) return setError(what === 'urge' ? '请输入催办说明' : '请输入备注内容')
    setBusy(true)
    setError('')
    setDone('')
    try {
      if (what === 'note') {
        const r = await staffCases.note(number, text.trim())
        onChange({ ...detail, notes: r.notes })
        setDone('备注已添加，仅内部可见')
      } else {
        onChange(await staffCases.urge(number, text.trim()))
        setDone('已催办：已记入事件记录并通知办理单位，申请人的进度页会显示')
      }
      setText('')
    } catch (e) {
      setError(e instanceof ApiError ? (e.fieldErrors[0]?.message ?? e.message) : '提交失败，请重试')
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='app-card'>
      <Text className='app-card__title'>内部备注与催办</Text>
      {detail.notes.map((n) => <Text key={n.id} className='app-card__line'>{chinaDateTime(n.at)} {n.author}：{n.text}</Text>)}
      {detail.notes.length === 0 && <Text className='staff-line'>暂无备注</Text>}
      <TextArea className='panel__textarea' value={text} maxlength={500} placeholder='备注内容，或催办说明' label='备注或催办说明'
        onChange={setText} />
      {error && <View className='panel__error' role='alert'>{error}</View>}
      {done && <View className='notice notice--ok' role='status'>{done}</View>}
      <View className='panel__buttons'>
        <Button size='large' disabled={busy} onClick={() => void run('note')}>添加备注</Button>
        {open && <Button type='primary' size='large' loading={busy} disabled={busy} onClick={() => void run('urge')}>催办</Button>}
      </View>
    </View>
  )
}
