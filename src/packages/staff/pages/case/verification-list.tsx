import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { StaffCaseDetail } from '@/contract/staff'
import { MaterialCard } from '@/features/apply/components/licences/material-card'
import { openStaffFile } from '@/features/staff/open-file'

/** Each material with its verification (identifier check, status, source) and its photos to review. */
export function VerificationList({ materials }: { materials: StaffCaseDetail['materials'] }) {
  const [error, setError] = useState('')
  const open = async (uploadId: string) => setError((await openStaffFile(`/api/staff/uploads/${encodeURIComponent(uploadId)}`)) ?? '')
  return (
    <View>
      {materials.map((m) => (
        <View key={m.materialId}>
          <MaterialCard view={m} />
          {m.uploads.map((u, i) => (
            <View key={u.uploadId} className='staff-link' role='button' onClick={() => void open(u.uploadId)}>
              查看文件{i + 1}（{u.mime === 'application/pdf' ? 'PDF' : '图片'}，{Math.ceil(u.size / 1024)}KB）
            </View>
          ))}
        </View>
      ))}
      {materials.length === 0 && <Text className='staff-line'>没有材料</Text>}
      {error && <View className='notice' role='alert'>{error}</View>}
    </View>
  )
}
