import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { StaffCaseDetail } from '@/contract/staff'
import { FileLink } from '@/features/staff/components/file-link'
import { staffCases } from '@/features/staff/api'

const KIND_NAMES: Record<StaffCaseDetail['files'][number]['kind'], string> = {
  'agent-letter': '代理',
  'project-approval': '项目核准',
  supplement: '补正',
  checkpoint: '中间检查/竣工检验',
}

/** The signed contract (PDF), and the case's files outside its e-licences: authorisation letter, project approval, supplements, 10 kV checkpoint materials. */
export function CaseFiles({ number, files, contractSigned }: { number: string; files: StaffCaseDetail['files']; contractSigned: boolean }) {
  const [error, setError] = useState('')
  return (
    <View className='app-card'>
      {contractSigned && (
        <View className='case-file'>
          <Text className='case-file__kind'>合同</Text>
          <View className='staff-link' role='button' onClick={() => void staffCases.openContract(number).then((e) => setError(e ?? ''))}>已签署的《低压供用电合同》（PDF）</View>
        </View>
      )}
      <Text className='app-card__title'>其他文件（{files.length}）</Text>
      {files.map((f) => (
        <View key={f.uploadId} className='case-file'>
          <Text className='case-file__kind'>{KIND_NAMES[f.kind]}</Text>
          <FileLink {...f} label={f.label} onResult={setError} />
        </View>
      ))}
      {files.length === 0 && <Text className='staff-line'>申请人没有上传其他文件</Text>}
      {error && <View className='notice' role='alert'>{error}</View>}
    </View>
  )
}
