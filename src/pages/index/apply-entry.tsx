import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { continueTo } from '@/features/auth/begin-apply'
import { useDraft } from '@/features/apply/stores/draft-store'
import { pagePath, STEPS } from '@/features/apply/steps'

/** The way in: start an application, or resume the saved draft on the page it was left. */
export function ApplyEntry() {
  const page = useDraft((s) => s.page)
  const started = useDraft((s) => Object.keys(s.answers).length > 0)
  const title = STEPS.find((s) => s.id === page)?.title
  return (
    <View className='apply-entry'>
      <Button block type='primary' size='large' className='apply-entry__button' onClick={() => continueTo(pagePath(started ? page : 'service'))}>
        {started ? '继续填写申请' : '我要申请办电'}
      </Button>
      {started && <Text className='apply-entry__hint'>草稿已保存，上次填到：{title}</Text>}
    </View>
  )
}
