import { useEffect, useMemo, useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { TOWNSHIPS, townshipByCode, type Township } from '@/core/wanzhou'
import { Field } from '@/components/form/field'

export interface TownshipPickerProps {
  value?: string
  error?: string
  onChange: (code: string) => void
}

const KINDS: Township['kind'][] = ['街道', '镇', '乡']

/** All 52 township-level units of Wanzhou, grouped, with a filter box: tap one. */
export function TownshipPicker({ value, error, onChange }: TownshipPickerProps) {
  const [filter, setFilter] = useState('')
  const [open, setOpen] = useState(!value)
  // a township filled in for the applicant (from the property certificate) shows as chosen, like one tapped
  useEffect(() => { if (value) setOpen(false) }, [value])
  const shown = useMemo(() => TOWNSHIPS.filter((t) => t.name.includes(filter.trim())), [filter])
  const chosen = value ? townshipByCode(value) : undefined
  if (chosen && !open) {
    return (
      <Field path='address.townshipCode' label='所在乡镇街道' error={error}>
        <View className='township-chosen'>
          <Text className='township-chosen__name'>✓ {chosen.name}</Text>
          <View className='township-chosen__change' role='button' aria-label='重新选择乡镇街道' onClick={() => setOpen(true)}>重新选择</View>
        </View>
      </Field>
    )
  }
  const pick = (code: string) => { onChange(code); setOpen(false); setFilter('') }
  return (
    <Field path='address.townshipCode' label='所在乡镇街道' hint='万州区共52个乡镇街道' error={error}>
      <Input className='text-field__input' value={filter} placeholder='输入名称筛选，如“瀼渡”' onInput={(e) => setFilter(e.detail.value)}
        aria-label='筛选乡镇街道' />
      {KINDS.map((kind) => {
        const group = shown.filter((t) => t.kind === kind)
        if (group.length === 0) return null
        return (
          <View key={kind} className='township-group' role='radiogroup' aria-label={kind}>
            <Text className='township-group__title'>{kind}</Text>
            <View className='township-group__items'>
              {group.map((t) => (
                <View key={t.code} role='radio' aria-checked={t.code === value}
                  className={`township${t.code === value ? ' township--selected' : ''}`} onClick={() => pick(t.code)}>
                  {t.code === value ? '✓ ' : ''}{t.name}
                </View>
              ))}
            </View>
          </View>
        )
      })}
      {shown.length === 0 && <Text className='field__hint'>没有找到“{filter}”，请检查名称</Text>}
    </Field>
  )
}
