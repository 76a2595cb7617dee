import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { chinaDateTime } from '@/lib/china-time'
import { ApiError } from '@/lib/http/api-error'
import { useDraft, type DraftConflict } from '../stores/draft-store'
import { STEPS } from '../steps'
import './draft-conflict.css'

/** The words for the server's copy: when it was saved and how far it got, or that it is gone. */
function serverCopyWords(server: DraftConflict['server']): string {
  if (!server) return '这份草稿已在其他手机或浏览器上提交或放弃，本机还有未保存的修改。'
  const title = STEPS.find((s) => s.id === server.page)?.title ?? '选择业务'
  return `这份草稿已在其他手机或浏览器上修改过（${chinaDateTime(server.updatedAt)}保存，填到：${title}），本机也有未保存的修改。`
}

/**
 * Both this device and another changed the draft: say so on screen and let the applicant choose which copy
 * wins. Nothing is overwritten until they do.
 */
export function DraftConflictBox() {
  const conflict = useDraft((s) => s.conflict)
  const takeServerCopy = useDraft((s) => s.takeServerCopy)
  const keepMine = useDraft((s) => s.keepMine)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  if (!conflict) return null

  const keep = async () => {
    setBusy(true)
    setError('')
    try {
      await keepMine()
    } catch (e) {
      setError(`${e instanceof ApiError ? e.message : '保存失败'}。请稍后再试。`)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='draft-conflict' role='alert'>
      <Text className='draft-conflict__title'>草稿在别处改过，要保留哪一份？</Text>
      <Text className='draft-conflict__text'>{serverCopyWords(conflict.server)}</Text>
      {error && <Text className='draft-conflict__text draft-conflict__error'>{error}</Text>}
      <View className='draft-conflict__buttons'>
        <Button size='large' disabled={busy} onClick={takeServerCopy}>{conflict.server ? '使用最新版本' : '放弃本机修改'}</Button>
        <Button type='primary' size='large' loading={busy} disabled={busy} onClick={() => void keep()}>保留我的修改</Button>
      </View>
    </View>
  )
}
