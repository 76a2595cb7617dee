import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'
import type { ApplicationDetail, CaseVersion } from '@/contract/progress'
import { ApiError } from '@/lib/http/api-error'
import { politePoll } from './polite-poll'
import { onTabVisibility } from '@/lib/visibility'

/**
 * One application's detail, fresh: loaded on show; while the page is open, its cheap version is asked every
 * second or two (backing off once nothing has changed for a while, stopping in the background) and the detail
 * read again only when the version moves; reloadable by pull-to-refresh. `fetcher` and `versionOf` are the
 * signed-in or lookup calls.
 */
export function useApplication(fetcher: () => Promise<ApplicationDetail>, versionOf: () => Promise<CaseVersion>) {
  const [detail, setShown] = useState<ApplicationDetail | null>(null)
  const [error, setError] = useState('')
  /** the API's error code of the last failed load ('' after a good one), so the page can offer the right way on */
  const [errorCode, setErrorCode] = useState('')
  /** the version of the detail on screen */
  const version = useRef<string | undefined>(undefined)
  const calls = useRef({ fetcher, versionOf })
  calls.current = { fetcher, versionOf }

  const failed = (e: unknown) => {
    setError(e instanceof ApiError ? e.message : '加载失败，请下拉重试')
    setErrorCode(e instanceof ApiError ? e.code : '')
  }
  /** A detail to show (read, or answered by an action), with the version it is current at. */
  const setDetail = useCallback((d: ApplicationDetail) => {
    version.current = d.version
    setShown(d)
  }, [])

  /** the detail read under way, which a second ask joins rather than repeats */
  const reading = useRef<Promise<boolean> | null>(null)
  /** Reads the detail; true when it differs from the one shown. */
  const load = useCallback((): Promise<boolean> => {
    if (reading.current) return reading.current
    const read = (async () => {
      try {
        const d = await calls.current.fetcher()
        const changed = d.version === undefined || d.version !== version.current
        setDetail(d)
        setError('')
        setErrorCode('')
        return changed
      } catch (e) {
        failed(e)
        return false
      }
    })()
    reading.current = read
    void read.finally(() => { if (reading.current === read) reading.current = null })
    return read
  }, [setDetail])

  /** One poll: the version first; the detail only when it moved (or none is shown yet). A failure backs the poll off. */
  const check = useCallback(async (): Promise<boolean> => {
    if (version.current === undefined) return load()
    try {
      const { version: now } = await calls.current.versionOf()
      if (now !== version.current) return load()
      setError('')
      setErrorCode('')
      return false
    } catch (e) {
      failed(e)
      throw e
    }
  }, [load])

  const poll = useRef<ReturnType<typeof politePoll> | null>(null)
  useEffect(() => {
    void load()
    poll.current = politePoll(check)
    const unsubscribe = onTabVisibility((visible) => poll.current?.setVisible(visible))
    return () => {
      poll.current?.stop()
      unsubscribe()
    }
  }, [load, check])
  // Shown again (back from another page, the app or tab brought back): the poll checks at once and starts afresh.
  useDidShow(() => poll.current?.setVisible(true))
  useDidHide(() => poll.current?.setVisible(false))

  return { detail, error, errorCode, reload: load, setDetail }
}
