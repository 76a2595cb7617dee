import { View, Text } from '@tarojs/components'
import { TextField } from '@/components/form/text-field'
import { supplierName } from '@/core/services'
import { StepPage } from '@/features/apply/components/step-page'
import { useDraft } from '@/features/apply/stores/draft-store'
import { useStep } from '@/features/apply/use-step'
import { mismatchErrors } from '@/features/apply/certificate-address'
import { CertificateAddressBox } from '@/features/apply/components/certificate-address-box'
import { CertificateAddressOffer } from '@/features/apply/components/certificate-address-offer'
import { useSupplierFor } from '@/features/services/stores/townships-store'
import { TownshipPicker } from './township-picker'
import { LocationButton } from './location-button'
import './address.css'

/** Step 3: where the electricity is needed (from the property certificate's 坐落, or chosen and typed); the supply enterprise follows from the township. */
export default function AddressPage() {
  const a = useDraft((s) => s.answers.address) ?? {}
  const update = useDraft((s) => s.update)
  // back here from the check page with a property certificate attached: its township is offered, or a reason asked
  const { errors, errorFor, proceed } = useStep('address', () => mismatchErrors(useDraft.getState().answers, useDraft.getState().materials))
  const supply = useSupplierFor(a.townshipCode)

  return (
    <StepPage step='address' errors={errors} onContinue={() => void proceed()}>
      <CertificateAddressOffer />
      <TownshipPicker value={a.townshipCode} error={errorFor('address.townshipCode')} onChange={(townshipCode) => update('address', { townshipCode })} />
      {supply && (
        <View className='info' aria-live='polite'>
          <Text>供电企业：{supplierName(supply.supplier)}。{supply.reason}</Text>
        </View>
      )}
      <TextField path='address.detail' label='详细地址' hint='路名、门牌号、楼栋房号' value={a.detail ?? ''}
        error={errorFor('address.detail')} onChange={(detail) => update('address', { detail })} placeholder='如：白岩路128号2幢3-1' />
      <CertificateAddressBox error={errorFor('address.differsReason')} />
      <LocationButton onPicked={(location) => update('address', { location })} picked={a.location?.name} />
    </StepPage>
  )
}
