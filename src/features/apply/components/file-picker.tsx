import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Upload } from '@/contract/licences'
import { chooseFile } from '@/lib/files/choose-file'
import { checkChosenFile } from '@/lib/files/check-file'
import { uploadFile } from '@/lib/http/upload'
import { ApiError } from '@/lib/http/api-error'

export interface FilePickerProps {
  label: string
  allowPdf: boolean
  /** shown once a file is uploaded */
  doneLabel?: string
  uploaded: boolean
  /** the button once a file is uploaded: 重新选择 (replaces it) unless the caller collects several */
  againLabel?: string
  onUploaded: (upload: Upload) => void
}

/** Choose a photo (or PDF) and upload it, with an exact message for each way it can fail. */
export function FilePicker({ label, allowPdf, doneLabel = '已上传', uploaded, againLabel = '重新选择', onUploaded }: FilePickerProps) {
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const pick = async () => {
    setError('')
    const f = await chooseFile({ allowPdf })
    if (!f) return
    const problem = checkChosenFile(f, allowPdf)
    if (problem) return setError(problem)
    setBusy(true)
    try {
      onUploaded(await uploadFile(f.path))
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '上传失败，请重试')
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='file-picker'>
      <Button block size='large' loading={busy} disabled={busy} onClick={() => void pick()}>
        {uploaded ? againLabel : label}
      </Button>
      {uploaded && <Text className='panel__status'>✓ {doneLabel}</Text>}
      {error && <View className='panel__error' role='alert'>{error}</View>}
      <Text className='licence-section__hint'>支持JPG、PNG{allowPdf ? '、PDF' : ''}，不超过5MB</Text>
    </View>
  )
}
