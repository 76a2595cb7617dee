import { Textarea } from '@tarojs/components'

export interface TextAreaProps {
  className: string
  value: string
  maxlength: number
  placeholder?: string
  /** what the box is for, said by screen readers */
  label: string
  onChange: (value: string) => void
}

/** A multi-line text box: WeChat's own textarea in the mini-program (text-area.h5.tsx on the web). */
export function TextArea({ className, value, maxlength, placeholder, label, onChange }: TextAreaProps) {
  return <Textarea className={className} value={value} maxlength={maxlength} placeholder={placeholder} aria-label={label} onInput={(e) => onChange(e.detail.value)} />
}
