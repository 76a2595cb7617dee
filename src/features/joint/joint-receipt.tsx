import { View, Text } from '@tarojs/components'
import type { JointReceipt } from '@/contract/applications'
import { CopyNumber } from '@/components/copy-number'
import { ShareNumber } from '@/features/track/components/share-number'
import './joint.css'

/** The 一件事 on the result page: its number (the lookup takes it), and each utility's case with its own promise. */
export function JointReceiptCard({ joint }: { joint: JointReceipt }) {
  return (
    <View className='joint-part' role='group' aria-label='一件事'>
      <View className='joint-part__title' role='heading' aria-level={2}>一件事编号</View>
      <Text className='joint-part__number' selectable>{joint.number}</Text>
      <CopyNumber number={joint.number} label='一件事编号'><ShareNumber number={joint.number} label='一件事编号' /></CopyNumber>
      <Text className='joint-part__row'>用电和以下业务一并受理，各自计时，可凭一件事编号一并查询。</Text>
      {joint.parts.map((p) => (
        <View className='joint-part__case' key={p.number}>
          <Text className='joint-part__row joint-part__row--strong'>{p.serviceName}：{p.supplierName}</Text>
          <Text className='joint-part__row'>编号 {p.number}</Text>
          <Text className='joint-part__row'>
            预计{p.expectedBy}前完成（不超过{p.limitDays}个工作日{p.expectedByEstimated ? '，日期为预估' : ''}，自提交时起计时）
          </Text>
        </View>
      ))}
      {joint.declined.length > 0 && <Text className='joint-part__refused'>未同意提供信息，未办理：{joint.declined.join('、')}</Text>}
    </View>
  )
}
