import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ApplicationDetail } from '@/contract/progress'
import { chinaDateTime } from '@/lib/china-time'
import { trackApi } from '../api/track-api'
import '@/features/apply/components/licences/licences.css'
import './track.css'

export interface ContractCardProps {
  number: string
  contract: NonNullable<ApplicationDetail['contract']>
  /** a lookup without sign-in sees that a contract was signed, not the contract itself */
  canOpen: boolean
}

/** The signed 《低压供用电合同》: when, what its digest is for, and the PDF (the signer's name in full, for the signer only). */
export function ContractCard({ number, contract, canOpen }: ContractCardProps) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const open = async () => {
    setBusy(true)
    setError((await trackApi.openContract(number)) ?? '')
    setBusy(false)
  }
  return (
    <View className='app-card contract-card'>
      <Text className='app-card__title'>《低压供用电合同》</Text>
      <Text className='app-card__line'>已于{chinaDateTime(contract.signedAt)}在线签署</Text>
      <Text className='app-card__line'>合同校验码：{contract.hash.slice(0, 8)}…{contract.hash.slice(-8)}</Text>
      <Text className='contract-card__note'>校验码是签署时由合同全文算出的“数字指纹”，合同改动一个字它就会不同；您和供电企业可凭它核对合同未被改动。</Text>
      {canOpen && <Button className='contract-card__open' block size='large' loading={busy} disabled={busy} onClick={() => void open()}>查看合同（PDF）</Button>}
      {error && <View className='panel__error' role='alert'>{error}</View>}
    </View>
  )
}
