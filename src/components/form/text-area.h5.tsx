import type { TextAreaProps } from './text-area'
import './text-area.h5.css'

/**
 * H5: the browser's own <textarea>. Taro has no React version of its Textarea, and its Stencil one brought the
 * Stencil runtime and every component's wrapper (14 KiB brotli) to each page with a text box, the case page among them.
 */
export function TextArea({ className, value, maxlength, placeholder, label, onChange }: TextAreaProps) {
  return <textarea className={`text-area ${className}`} value={value} maxLength={maxlength} placeholder={placeholder} aria-label={label} onChange={(e) => onChange(e.currentTarget.value)} />
}
