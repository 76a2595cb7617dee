import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { MaterialView } from '@/contract/licences'
import type { ApplicationDetail } from '@/contract/progress'
import { chinaDateTime } from '@/lib/china-time'
import { ProofSlot } from './proof-slot'
import './track.css'

export interface PropertyProofCardProps {
  proof: NonNullable<ApplicationDetail['propertyProof']>
  /** the server lets the proof be handed in now */
  canHandIn: boolean
  returnTo: `/${string}`
  busy: boolean
  error: string
  onHandIn: (materialId: string) => void
}

/** 一证受理: the undertaking (given or not, and by when) and the ways to hand the property proof in, once. */
export function PropertyProofCard({ proof, canHandIn, returnTo, busy, error, onHandIn }: PropertyProofCardProps) {
  const [chosen, setChosen] = useState<MaterialView | undefined>()
  if (proof.handedInAt) {
    return (
      <View className='app-card' role='status'>
        <Text className='app-card__title'>物权证明已补交</Text>
        <Text className='app-card__line'>已于{chinaDateTime(proof.handedInAt)}补交用电地址物权证明，见下方“已提交的材料”。</Text>
      </View>
    )
  }
  return (
    <View className='app-card proof-card' role='region' aria-label='物权证明待补交（一证受理）'>
      <Text className='app-card__title'>物权证明待补交（一证受理）</Text>
      <Text className='app-card__line'>
        {proof.undertaken
          ? `您申请时自愿承诺：在${proof.by}补交用电地址物权证明（不动产权证书、购房合同，或租赁合同及出租方产权证明）。`
          : `您申请时选择了先凭身份证受理，没有作出补交承诺。补交物权证明后，供电企业可以直接核实用电地址。`}
      </Text>
      {canHandIn && (
        <View>
          <ProofSlot kind='property' title='补交物权证明' hint='任选一种方式：渝快办调取最快，无需拍照' returnTo={returnTo} attached={chosen} onAttach={setChosen} />
          {error && <View className='panel__error' role='alert'>{error}</View>}
          {chosen && (
            <Button block type='primary' size='large' loading={busy} disabled={busy} onClick={() => onHandIn(chosen.materialId)}>提交物权证明</Button>
          )}
        </View>
      )}
    </View>
  )
}
