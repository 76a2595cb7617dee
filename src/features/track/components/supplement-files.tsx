import { View, Text } from '@tarojs/components'
import type { ApplicationDetail } from '@/contract/progress'
import { chinaDateTime } from '@/lib/china-time'
import './track.css'

const KIND: Record<string, string> = { 'image/jpeg': '照片（JPG）', 'image/png': '照片（PNG）', 'application/pdf': 'PDF文件' }

/** The photos and PDFs handed in for 补正: what, how large, when (the files themselves stay with the enterprise). */
export function SupplementFiles({ files }: { files: ApplicationDetail['supplementFiles'] }) {
  return (
    <View className='app-card' role='list' aria-label='补正材料'>
      <Text className='app-card__title'>补正材料（{files.length}份）</Text>
      {files.map((f, i) => (
        <View key={`${f.at}-${i}`} role='listitem' className='app-card__line'>{i + 1}. {KIND[f.mime] ?? '文件'}，{f.sizeKb}KB，{chinaDateTime(f.at)}提交</View>
      ))}
      <Text className='contract-card__note'>供电企业已收到，会在核验后更新办理环节。</Text>
    </View>
  )
}
