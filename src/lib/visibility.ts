/** Mini-program: page show/hide (useDidShow/useDidHide) is the whole story; no browser tab to watch. */
export function onTabVisibility(_listener: (visible: boolean) => void): () => void {
  return () => undefined
}
