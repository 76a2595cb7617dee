import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { TextArea } from '@/components/form/text-area'
import { Button } from '@nutui/nutui-react-taro'
import type { StaffCaseDetail } from '@/contract/staff'
import { isClosedState } from '@/core/progress'
import { SUPPLIERS, serviceByCode, type SupplierCode } from '@/core/services'
import { ApiError } from '@/lib/http/api-error'
import { staffCases } from '@/features/staff/api'
import { useStaffSession } from '@/features/staff/stores/staff-session-store'
import { roleRules } from '@/core/staff-roles'

/** 改派 (班长 and the admin): the case goes to the other supply enterprise, with the reason for the log. */
export function ReassignCard({ detail, onMoved }: { detail: StaffCaseDetail; onMoved: (to: SupplierCode) => void }) {
  const rules = roleRules(useStaffSession((s) => s.staff?.role))
  const a = detail.application
  const [reason, setReason] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  if (!rules?.reassigns) return null
  // only to another provider of the same kind (the other electricity enterprise; water has one provider)
  const targets = SUPPLIERS.filter((s) => s.kind === serviceByCode(a.service)?.utility && s.name !== a.supplierName)
  if (targets.length === 0) return null
  const move = async (to: SupplierCode) => {
    setBusy(true)
    setError('')
    try {
      await staffCases.reassign(a.number, { to, reason: reason.trim() })
      setReason('')
      onMoved(to)
    } catch (e) {
      setError(e instanceof ApiError ? (e.fieldErrors[0]?.message ?? e.message) : '改派失败，请重试')
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='app-card'>
      <Text className='app-card__title'>改派供电企业</Text>
      {isClosedState(a.process.state) ? <Text className='app-card__line'>申请已结束，不能改派</Text> : (
        <>
          <Text className='app-card__line'>地址不在本企业供区时，改由另一家供电企业办理。计时不变，原因记入日志。</Text>
          <TextArea className='panel__textarea' value={reason} maxlength={200} placeholder='改派原因（必填，如现场核实供区）'
            label='改派原因' onChange={(v) => { setReason(v); setError('') }} />
          {error && <View className='panel__error' role='alert'>{error}</View>}
          <View className='panel__buttons'>
            {targets.map((t) => (
              <Button key={t.code} size='large' loading={busy} disabled={busy} onClick={() => void move(t.code)}>改派至{t.shortName}</Button>
            ))}
          </View>
        </>
      )}
    </View>
  )
}
