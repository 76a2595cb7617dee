import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { FieldError } from '@/contract'
import { fieldAnchor } from './field'
import './form.css'

export interface ErrorSummaryProps {
  errors: FieldError[]
  /** where tapping a problem leads; by default, to its field on this page */
  onSelect?: (error: FieldError) => void
}

/** At the top of the page on Continue: each problem in the words shown at its field; tap to go there. */
export function ErrorSummary({ errors, onSelect }: ErrorSummaryProps) {
  if (errors.length === 0) return null
  return (
    <View className='error-summary' role='alert' aria-live='assertive'>
      <Text className='error-summary__title'>请修改以下{errors.length}处后继续</Text>
      {errors.map((e) => (
        <View
          key={e.path + e.message}
          className='error-summary__item'
          role='link'
          onClick={() => (onSelect ? onSelect(e) : void Taro.pageScrollTo({ selector: `#${fieldAnchor(e.path)}`, duration: 200 }))}
        >
          <Text>{e.message}</Text>
        </View>
      ))}
    </View>
  )
}
