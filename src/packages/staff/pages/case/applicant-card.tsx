import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { StaffCaseDetail } from '@/contract/staff'
import { ApiError } from '@/lib/http/api-error'
import { staffCases } from '@/features/staff/api'

const FIELDS = [{ field: 'idNumber', label: '身份证号' }, { field: 'mobile', label: '手机号' }, { field: 'name', label: '姓名' }] as const
const REASON = '核实申请人身份，办理用电业务'

/** The applicant, masked; a full value only on an explicit, logged 显示. */
export function ApplicantCard({ number, applicant }: { number: string; applicant: StaffCaseDetail['applicant'] }) {
  const [shown, setShown] = useState<Record<string, string>>({})
  const [error, setError] = useState('')
  const reveal = async (field: (typeof FIELDS)[number]['field']) => {
    try {
      const r = await staffCases.reveal(number, { field, reason: REASON })
      setShown((s) => ({ ...s, [field]: r.value }))
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '查看失败')
    }
  }
  const masked = { idNumber: applicant.idNumberMasked, mobile: applicant.mobileMasked, name: applicant.nameMasked }
  return (
    <View className='app-card'>
      <Text className='app-card__title'>申请人（{applicant.role === 'agent' ? '经办人代办' : '本人办理'}）</Text>
      {applicant.businessName && <Text className='app-card__line'>企业：{applicant.businessName}（{applicant.creditCode}）</Text>}
      {applicant.shopName && <Text className='app-card__line'>个体工商户字号：{applicant.shopName}</Text>}
      {FIELDS.map((f) => (
        <View key={f.field} className='staff-bar'>
          <Text>{f.label}：{shown[f.field] ?? masked[f.field]}</Text>
          {!shown[f.field] && <View className='staff-link' role='button' aria-label={`显示完整${f.label}`} onClick={() => void reveal(f.field)}>显示</View>}
        </View>
      ))}
      <Text className='staff-line'>显示完整信息会记入访问日志（原因：{REASON}）。</Text>
      {error && <View className='notice' role='alert'>{error}</View>}
    </View>
  )
}
