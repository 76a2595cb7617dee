import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { MATERIALS, type MaterialCode } from '@/core/materials'
import { MAX_FILES_PER_MATERIAL } from '@/contract/constants'
import { FilePicker } from '@/features/apply/components/file-picker'

export interface UploadBoxProps {
  title: string
  lead: string
  /** one picker per material code; a single unnamed slot when empty */
  codes: string[]
  busy: boolean
  error: string
  onSubmit: (files: Record<string, string[]>) => void
}

/** Upload what a 10 kV checkpoint asks for, one picker per material, then send them together (补正: SupplementBox). */
export function UploadBox({ title, lead, codes, busy, error, onSubmit }: UploadBoxProps) {
  const slots = codes.length > 0 ? codes : ['files']
  const [files, setFiles] = useState<Record<string, string[]>>({})
  const [missing, setMissing] = useState('')
  const submit = () => {
    const empty = slots.filter((c) => !files[c]?.length)
    if (empty.length > 0) return setMissing(`还缺：${empty.map((c) => MATERIALS[c as MaterialCode]?.name ?? '材料').join('、')}`)
    setMissing('')
    onSubmit(files)
  }
  return (
    <View className='app-card'>
      <Text className='app-card__title'>{title}</Text>
      <Text className='app-card__line'>{lead}</Text>
      {slots.map((code) => {
        const count = files[code]?.length ?? 0
        return (
          <View key={code}>
            {code !== 'files' && <Text className='app-card__line'>{MATERIALS[code as MaterialCode]?.name ?? code}</Text>}
            {count < MAX_FILES_PER_MATERIAL
              ? <FilePicker label='选择照片或PDF' doneLabel={`已上传${count}份`} againLabel={`再添加一份（最多${MAX_FILES_PER_MATERIAL}份）`} allowPdf uploaded={count > 0}
                onUploaded={(u) => setFiles((f) => ({ ...f, [code]: [...(f[code] ?? []), u.uploadId] }))} />
              : <Text className='panel__status'>✓ 已上传{count}份（已达上限）</Text>}
            {count > 0 && (
              <View className='upload-box__clear' role='button' onClick={() => setFiles((f) => ({ ...f, [code]: [] }))}>清空，重新上传</View>
            )}
          </View>
        )
      })}
      {(missing || error) && <View className='panel__error' role='alert'>{missing || error}</View>}
      <Button block type='primary' size='large' loading={busy} disabled={busy} onClick={submit}>提交材料</Button>
    </View>
  )
}
