import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'
import type { ApplicationDetail } from '@/contract/progress'
import { ApiError } from '@/lib/http/api-error'
import { politePoll } from './polite-poll'
import { onTabVisibility } from '@/lib/visibility'

/**
 * One application's detail, fresh: loaded on show, polled politely while the page is open (backing off,
 * stopping in the background), reloadable by pull-to-refresh. `fetcher` is the signed-in or lookup call.
 */
export function useApplication(fetcher: () => Promise<ApplicationDetail>) {
  const [detail, setDetail] = useState<ApplicationDetail | null>(null)
  const [error, setError] = useState('')
  /** the API's error code of the last failed load ('' after a good one), so the page can offer the right way on */
  const [errorCode, setErrorCode] = useState('')
  const last = useRef('')
  const fetchRef = useRef(fetcher)
  fetchRef.current = fetcher

  const load = useCallback(async (): Promise<boolean> => {
    try {
      const d = await fetchRef.current()
      const fingerprint = `${d.timeline.length}|${d.process.state}|${d.process.usedDays}`
      const changed = fingerprint !== last.current
      last.current = fingerprint
      setDetail(d)
      setError('')
      setErrorCode('')
      return changed
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '加载失败，请下拉重试')
      setErrorCode(e instanceof ApiError ? e.code : '')
      return false
    }
  }, [])

  const poll = useRef<ReturnType<typeof politePoll> | null>(null)
  useEffect(() => {
    void load()
    poll.current = politePoll(load)
    const unsubscribe = onTabVisibility((visible) => poll.current?.setVisible(visible))
    return () => {
      poll.current?.stop()
      unsubscribe()
    }
  }, [load])
  // The first show is the mount, which has loaded already; later shows (back from another page) load afresh.
  const shownBefore = useRef(false)
  useDidShow(() => {
    poll.current?.setVisible(true)
    if (shownBefore.current) void load()
    shownBefore.current = true
  })
  useDidHide(() => poll.current?.setVisible(false))

  return { detail, error, errorCode, reload: load, setDetail }
}
