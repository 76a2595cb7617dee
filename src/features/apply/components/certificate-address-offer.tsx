import { View, Text } from '@tarojs/components'
import type { MaterialView } from '@/contract/licences'
import { isUsable } from '@/contract/constants'
import { townshipByCode } from '@/core/wanzhou'
import { serviceByCode } from '@/core/services'
import { useDraft } from '../stores/draft-store'
import { useAuthorisedFetch } from '../use-authorised-fetch'

/**
 * 用电地址 from the property certificate: the applicant's own certificate is fetched from the 渝快办 library (and
 * attached as the property proof), its 坐落 fills township and detail, which stay editable; a certificate already
 * attached offers its 坐落 again. A township changed afterwards asks for a reason (CertificateAddressBox).
 */
export function CertificateAddressOffer() {
  const answers = useDraft((s) => s.answers)
  const views = useDraft((s) => s.materials)
  const update = useDraft((s) => s.update)
  const remember = useDraft((s) => s.rememberMaterial)
  const property = answers.materials?.property
  const attached = property?.materialId ? views[property.materialId] : undefined
  const fill = (v: MaterialView) => {
    if (v.address) update('address', { townshipCode: v.address.townshipCode, detail: v.address.detail, differsReason: undefined })
  }
  const fetcher = useAuthorisedFetch(`办理用电报装：${serviceByCode(answers.service ?? '')?.name ?? '新装'}`, (list) => {
    const found = list.find((v) => v.kind === 'property')
    if (!found) return
    remember(found)
    if (isUsable(found)) {
      update('materials', { property: { materialId: found.materialId } })
      fill(found)
    }
  }, 'address')

  const a = answers.address ?? {}
  const from = attached?.address
  if (from && a.townshipCode === from.townshipCode && a.detail === from.detail) {
    return <View className='info' role='status'>✓ 已按不动产权证书的坐落填写，如有不同可以修改。</View>
  }
  if (from) {
    return (
      <View className='certificate-offer' role='button' aria-label='使用不动产权证书上的地址' onClick={() => fill(attached)}>
        <Text className='certificate-offer__label'>使用不动产权证书上的地址</Text>
        <Text className='certificate-offer__sub'>{townshipByCode(from.townshipCode)?.name}{from.detail}</Text>
      </View>
    )
  }
  // the signed-in person's own certificate: not when applying for someone else, nor once the applicant chose 一证受理
  if (answers.applicant?.role === 'agent' || property !== undefined) return null
  const refused = Object.values(views).find((v) => v.kind === 'property' && !isUsable(v) && v.source === 'authorised')
  return (
    <View>
      <View className='certificate-offer' role='button' aria-busy={!!fetcher.busy} onClick={() => void fetcher.run(['property'])}>
        <Text className='certificate-offer__label'>{fetcher.busy ? '正在调取…' : '从不动产权证书带入地址'}</Text>
        <Text className='certificate-offer__sub'>同意从渝快办调取您名下的不动产权证书，按坐落填写，并作为物权证明</Text>
      </View>
      {(fetcher.messages.property || fetcher.messages.form) && <View className='notice'>{fetcher.messages.property ?? fetcher.messages.form}</View>}
      {refused?.refusal && <View className='notice' role='alert'>{refused.refusal}。请直接选择乡镇街道并填写地址。</View>}
    </View>
  )
}
