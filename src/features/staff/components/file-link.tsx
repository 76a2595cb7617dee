import { View } from '@tarojs/components'
import { openStaffFile } from '../open-file'

export interface FileLinkProps {
  uploadId: string
  mime: string
  size: number
  /** what the file is, e.g. 查看文件1 or 授权委托书 */
  label: string
  /** called with a Chinese error message when the file cannot be opened, '' when it opened */
  onResult: (error: string) => void
}

/** One stored file of a case that staff can open (the opening is logged by the server), with its type and size in words. */
export function FileLink({ uploadId, mime, size, label, onResult }: FileLinkProps) {
  const open = async () => onResult((await openStaffFile(`/api/staff/uploads/${encodeURIComponent(uploadId)}`)) ?? '')
  return (
    <View className='staff-link' role='button' onClick={() => void open()}>
      {label}（{mime === 'application/pdf' ? 'PDF' : '图片'}，{Math.ceil(size / 1024)}KB）
    </View>
  )
}
