/** H5: also stop work while the browser tab is in the background. Returns the unsubscribe. */
export function onTabVisibility(listener: (visible: boolean) => void): () => void {
  const handler = () => listener(document.visibilityState === 'visible')
  document.addEventListener('visibilitychange', handler)
  return () => document.removeEventListener('visibilitychange', handler)
}
