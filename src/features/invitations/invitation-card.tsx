import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Invitation } from '@/contract/leads'
import { LEAD_KINDS } from '@/core/leads'

export interface InvitationCardProps {
  invitation: Invitation
  busy: boolean
  onAccept: () => void
  onDecline: () => void
}

const fee = (yuan: number | null) => (yuan === 0 ? '0元，不收取任何费用' : yuan === null ? '按收费标准' : `${yuan}元`)

/** One invitation: what the application will say, the contract it signs, and the one confirmation. */
export function InvitationCard({ invitation: v, busy, onAccept, onDecline }: InvitationCardProps) {
  const facts: [string, string][] = [
    ['企业名称', v.businessName],
    ['统一社会信用代码', v.creditCode],
    ...(v.projectApproval ? [['项目审批文号', v.projectApproval] as [string, string]] : []),
    ['办理业务', v.serviceName],
    ['用电地址', v.address],
    ['报装容量', `${v.capacityKw}千瓦`],
    ['用电用途', v.useLabel],
    ['申请人', `${v.signer}（负责人本人办理，身份证从渝快办调取）`],
    ['联系手机', v.contactMobile],
    ['物权证明', '可在受理后补交（一证受理）'],
    ['承诺时限', `全流程不超过${v.limitDays}个工作日`],
    ['费用', fee(v.feeYuan)],
  ]
  return (
    <View className='invite' role='group' aria-label={`${v.supplierName}的邀请`}>
      <Text className='invite__from'>{v.supplierName}·{LEAD_KINDS[v.kind].name}</Text>
      <Text className='invite__title'>邀请您在线申请用电，信息已为您填好</Text>
      <View className='invite__facts'>
        {facts.map(([k, value]) => (
          <View className='invite__fact' key={k}><Text className='invite__key'>{k}</Text><Text className='invite__value'>{value}</Text></View>
        ))}
      </View>
      <View className='invite__contract'>
        <Text className='invite__contract-title'>《{v.contract.title}》摘要</Text>
        {v.contract.sections.map((s) => <Text className='invite__clause' key={s.heading}>{s.heading}：{s.text}</Text>)}
      </View>
      <Text className='invite__consent'>点击“确认申请”即视为您（{v.signer}）已阅读并同意签署上述合同，按以上信息提交申请。</Text>
      <View className='invite__actions'>
        <Button type='primary' size='large' block loading={busy} disabled={busy} onClick={onAccept}>确认申请</Button>
        <Button size='large' block disabled={busy} onClick={onDecline}>暂不需要</Button>
      </View>
    </View>
  )
}
