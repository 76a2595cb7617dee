import { View, Text } from '@tarojs/components'
import { Field, type FieldProps } from './field'

export interface Choice<T extends string> {
  value: T
  label: string
  description?: string
}

export interface ChoiceListProps<T extends string> extends FieldProps {
  choices: Choice<T>[]
  value: T | undefined
  onChange: (value: T) => void
}

/** Radio cards: big tap targets, the state said by a word and a mark, not by colour alone. */
export function ChoiceList<T extends string>({ choices, value, onChange, ...field }: ChoiceListProps<T>) {
  return (
    <Field {...field}>
      <View role='radiogroup' aria-label={field.label}>
        {choices.map((c) => {
          const selected = c.value === value
          return (
            <View
              key={c.value}
              className={`choice${selected ? ' choice--selected' : ''}`}
              role='radio'
              aria-checked={selected}
              aria-label={c.label}
              onClick={() => onChange(c.value)}
            >
              <View className='choice__mark' aria-hidden>{selected ? '✓' : ''}</View>
              <View className='choice__body'>
                <Text className='choice__label'>{c.label}</Text>
                {c.description && <Text className='choice__description'>{c.description}</Text>}
              </View>
              {selected && <Text className='choice__state'>已选</Text>}
            </View>
          )
        })}
      </View>
    </Field>
  )
}
