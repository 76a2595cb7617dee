import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { StaffCaseDetail } from '@/contract/staff'
import { MaterialCard } from '@/features/apply/components/licences/material-card'
import { FileLink } from '@/features/staff/components/file-link'

/** Each material with its verification (identifier check, status, source) and its photos to review. */
export function VerificationList({ materials }: { materials: StaffCaseDetail['materials'] }) {
  const [error, setError] = useState('')
  return (
    <View>
      {materials.map((m) => (
        <View key={m.materialId}>
          <MaterialCard view={m} />
          {m.uploads.map((u, i) => <FileLink key={u.uploadId} {...u} label={`查看文件${i + 1}`} onResult={setError} />)}
        </View>
      ))}
      {materials.length === 0 && <Text className='staff-line'>没有材料</Text>}
      {error && <View className='notice' role='alert'>{error}</View>}
    </View>
  )
}
