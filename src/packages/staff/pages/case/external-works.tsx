import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { TextArea } from '@/components/form/text-area'
import { Button } from '@nutui/nutui-react-taro'
import type { StaffCaseDetail } from '@/contract/staff'
import { isClosedState } from '@/core/progress'
import { ApiError } from '@/lib/http/api-error'
import { staffCases } from '@/features/staff/api'

/** Staff record whether the case needs external line works (a logged fact, never a guess); the clock is unchanged. */
export function ExternalWorks({ detail, onChange }: { detail: StaffCaseDetail; onChange: (d: StaffCaseDetail) => void }) {
  const a = detail.application
  const [note, setNote] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const open = !isClosedState(a.process.state)
  const record = async (needed: boolean) => {
    setBusy(true)
    setError('')
    try {
      onChange(await staffCases.externalWorks(a.number, { needed, note: note.trim() }))
      setNote('')
    } catch (e) {
      setError(e instanceof ApiError ? (e.fieldErrors[0]?.message ?? e.message) : '提交失败，请重试')
    } finally {
      setBusy(false)
    }
  }
  const now = a.externalWorks === null ? '尚未记录' : a.externalWorks ? '需要' : '不需要'
  return (
    <View className='app-card'>
      <Text className='app-card__title'>外部线路工程：{now}</Text>
      {open && (
        <>
          <TextArea className='panel__textarea' value={note} maxlength={200} placeholder='依据（如现场勘查结论）' label='外部线路工程的依据'
            onChange={setNote} />
          {error && <View className='panel__error' role='alert'>{error}</View>}
          <View className='panel__buttons'>
            <Button size='large' loading={busy} disabled={busy} onClick={() => void record(true)}>需要</Button>
            <Button size='large' loading={busy} disabled={busy} onClick={() => void record(false)}>不需要</Button>
          </View>
        </>
      )}
    </View>
  )
}
