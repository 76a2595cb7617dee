import type { PropsWithChildren } from 'react'
import { View, Text } from '@tarojs/components'
import './form.css'

export interface FieldProps {
  /** anchor for the error summary; the field's dot path, e.g. "applicant.mobile" */
  path: string
  label: string
  hint?: string
  error?: string
}

export const fieldAnchor = (path: string) => `field-${path.replace(/\./g, '-')}`

/** A labelled group: the label, an optional hint, the error in the same words as the summary, then the control. */
export function Field({ path, label, hint, error, children }: PropsWithChildren<FieldProps>) {
  return (
    <View id={fieldAnchor(path)} className={`field${error ? ' field--error' : ''}`}>
      <Text className='field__label'>{label}</Text>
      {hint && <Text className='field__hint'>{hint}</Text>}
      {error && <View className='field__error' role='alert'>{error}</View>}
      {children}
    </View>
  )
}
