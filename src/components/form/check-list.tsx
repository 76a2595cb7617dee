import { View, Text } from '@tarojs/components'
import { Field, type FieldProps } from './field'
import type { Choice } from './choice-list'

export interface CheckListProps<T extends string> extends FieldProps {
  choices: (Choice<T> & { details?: string[] })[]
  values: T[]
  onToggle: (value: T) => void
}

/** Checkbox cards (any number may be ticked): like ChoiceList, the state said by a word and a mark, not colour alone. */
export function CheckList<T extends string>({ choices, values, onToggle, ...field }: CheckListProps<T>) {
  return (
    <Field {...field}>
      <View role='group' aria-label={field.label}>
        {choices.map((c) => {
          const checked = values.includes(c.value)
          return (
            <View key={c.value} className={`choice choice--square${checked ? ' choice--selected' : ''}`} role='checkbox' aria-checked={checked}
              aria-label={c.label} onClick={() => onToggle(c.value)}>
              <View className='choice__mark' aria-hidden>{checked ? '✓' : ''}</View>
              <View className='choice__body'>
                <Text className='choice__label'>{c.label}</Text>
                {c.description && <Text className='choice__description'>{c.description}</Text>}
                {c.details?.map((d) => <Text className='choice__detail' key={d}>{d}</Text>)}
              </View>
              {checked && <Text className='choice__state'>已选</Text>}
            </View>
          )
        })}
      </View>
    </Field>
  )
}
