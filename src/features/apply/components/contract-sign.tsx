import { View, Text } from '@tarojs/components'
import type { ContractSummary } from '@/contract/applications'
import './contract-sign.css'

export interface ContractSignProps {
  summary?: ContractSummary
  error?: string
  agreed: boolean
  onToggle: () => void
  /** the signer's name as the screen shows it (masked) */
  signer?: string
}

/** Low voltage: the 《低压供用电合同》 summary under the checked answers, signed by ticking; the signature covers its hash. */
export function ContractSign({ summary, error, agreed, onToggle, signer }: ContractSignProps) {
  return (
    <View className='contract-sign'>
      <View className='contract-sign__heading' role='heading' aria-level={2}>签署供用电合同</View>
      <Text className='contract-sign__lead'>低压用电在受理时在线签订供用电合同，无需到营业厅。</Text>
      {error && <View className='notice' role='alert'>{error}</View>}
      {!summary && !error && <View className='skeleton-line' aria-busy='true' aria-label='正在加载合同摘要' />}
      {summary && (
        <View className='contract'>
          <Text className='contract__title'>{summary.title}</Text>
          {summary.sections.map((s) => (
            <View className='contract__section' key={s.heading}>
              <Text className='contract__heading'>{s.heading}</Text>
              <Text className='contract__text'>{s.text}</Text>
            </View>
          ))}
          <Text className='contract__hash'>合同摘要校验码：{summary.hash.slice(0, 16)}…</Text>
        </View>
      )}
      {summary && (
        <View id='field-signature' className={`sign-box${agreed ? ' sign-box--agreed' : ''}`} role='checkbox' aria-checked={agreed} onClick={onToggle}>
          <View className='choice__mark' aria-hidden>{agreed ? '✓' : ''}</View>
          <Text className='sign-box__text'>我{signer ? `（${signer}）` : ''}已阅读并同意《低压供用电合同》，点击签署即视为本人电子签名</Text>
        </View>
      )}
    </View>
  )
}
