import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { TextField } from '@/components/form/text-field'
import { townshipByCode } from '@/core/wanzhou'
import { useDraft } from '../stores/draft-store'
import { addressMismatch } from '../certificate-address'

/**
 * The connection address and the property certificate's 坐落 lie in different townships: say so before signing,
 * and offer the certificate's township (derived from its 坐落) or a reason for the difference, which staff check.
 */
export function CertificateAddressBox({ error }: { error?: string }) {
  const answers = useDraft((s) => s.answers)
  const views = useDraft((s) => s.materials)
  const update = useDraft((s) => s.update)
  const mismatch = addressMismatch(answers, views)
  if (!mismatch) return null
  const chosen = townshipByCode(answers.address?.townshipCode ?? '')?.name ?? ''
  return (
    <View className='notice certificate-address' role='alert'>
      <Text className='certificate-address__title'>用电地址与不动产权证书坐落不一致</Text>
      <Text className='certificate-address__text'>证书坐落：{mismatch.located}；用电地址在{chosen}。地址以证书为准，工作人员就不必再要求补正。</Text>
      <Button block type='primary' size='large' className='certificate-address__button'
        onClick={() => update('address', { townshipCode: mismatch.township.code, differsReason: undefined })}>
        改为证书上的{mismatch.township.name}
      </Button>
      <TextField path='address.differsReason' label='确实不一致？请说明原因' hint='如：证书为老门牌，现门牌已变更' error={error}
        value={answers.address?.differsReason ?? ''} onChange={(differsReason) => update('address', { differsReason })} maxlength={100} />
    </View>
  )
}
