import { View, Text } from '@tarojs/components'
import type { MaterialView } from '@/contract/licences'
import { isUsable } from '@/contract/constants'
import './licences.css'

const SOURCE_WORDS: Record<MaterialView['source'], string> = {
  authorised: '渝快办授权调取',
  scanned: '亮证扫码',
  'paper-qr': '纸质证书二维码',
  photo: '照片上传（待工作人员核验）',
}
const STATUS_WORDS: Record<MaterialView['status'], string> = {
  current: '有效', cancelled: '已注销', expired: '已过期', unverified: '待核验',
}

export interface MaterialCardProps {
  view: MaterialView
}

/** An attached licence as the applicant confirms it: masked data, where it came from, and whether it checks out. */
export function MaterialCard({ view }: MaterialCardProps) {
  const usable = isUsable(view)
  return (
    <View className={`material-card${usable ? '' : ' material-card--refused'}`} aria-label={`${view.typeName}，${STATUS_WORDS[view.status]}`}>
      <View className='material-card__head'>
        <Text className='material-card__type'>{view.typeName}</Text>
        <Text className={`material-card__status material-card__status--${view.status}`}>{STATUS_WORDS[view.status]}</Text>
      </View>
      <Text className='material-card__row'>持证人：{view.holderNameMasked}</Text>
      <Text className='material-card__row'>证号：{view.numberMasked}</Text>
      {view.facts.map((f) => <Text className='material-card__row' key={f.label}>{f.label}：{f.value}</Text>)}
      <Text className='material-card__source'>来源：{SOURCE_WORDS[view.source]}</Text>
      {/* one verdict per card: a cancelled or expired licence says why it cannot be used, not that its identifier is fine */}
      {usable && view.identifierValid !== null && (
        <Text className='material-card__source'>{view.identifierValid ? '✓ 电子证照标识校验通过' : '✗ 电子证照标识校验未通过'}</Text>
      )}
      {view.refusal && <View className='material-card__refusal' role='alert'>{view.refusal}</View>}
    </View>
  )
}
