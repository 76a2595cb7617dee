import { Input } from '@tarojs/components'
import { Field, type FieldProps } from './field'

export interface TextFieldProps extends FieldProps {
  value: string
  onChange: (value: string) => void
  placeholder?: string
  type?: 'text' | 'number' | 'digit' | 'idcard'
  maxlength?: number
}

/** A labelled single-line input. Validation happens on Continue, never while typing. */
export function TextField({ value, onChange, placeholder, type = 'text', maxlength = 100, ...field }: TextFieldProps) {
  return (
    <Field {...field}>
      <Input
        className='text-field__input'
        value={value}
        type={type}
        maxlength={maxlength}
        placeholder={placeholder}
        onInput={(e) => onChange(e.detail.value)}
        name={field.path}
        aria-label={field.label}
        aria-invalid={field.error ? 'true' : 'false'}
      />
    </Field>
  )
}
