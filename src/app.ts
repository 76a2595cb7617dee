import { useEffect, type PropsWithChildren } from 'react'
import { installKeyboardAccess } from '@/features/a11y/keyboard-access'
// The session store hands the API client its token: loaded with the app, so a page opened directly (a link,
// a reload) sends the session before that page's own chunk has imported the store.
import '@/features/auth/stores/session-store'
import { startDetailRead } from '@/features/track/early-detail'
import './app.css'
import './app-web'

startDetailRead()

function App({ children }: PropsWithChildren) {
  useEffect(() => installKeyboardAccess(), [])
  return children
}

export default App
