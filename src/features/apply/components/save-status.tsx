import { Text } from '@tarojs/components'
import { useDraft } from '../stores/draft-store'

const WORDS = {
  idle: '',
  saving: '正在保存草稿…',
  saved: '草稿已保存，可随时回来继续',
  offline: '网络不通，草稿已保存在本机，联网后会自动同步',
  conflict: '草稿在别处改过：请在上方选择保留哪一份',
} as const

/** Tells the applicant their answers are safe. */
export function SaveStatus() {
  const sync = useDraft((s) => s.sync)
  if (sync === 'idle') return null
  return <Text className={`save-status save-status--${sync}`} aria-live='polite'>{WORDS[sync]}</Text>
}
