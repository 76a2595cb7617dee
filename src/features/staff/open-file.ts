import { openProtectedFile } from '@/lib/files/open-protected'
import { staffHeaders } from './stores/staff-session-store'

/** Opens a protected file with the staff session (shown, or saved under `saveAs` on H5); a Chinese error message, or null. */
export async function openStaffFile(path: string, saveAs?: string): Promise<string | null> {
  return (await openProtectedFile(path, staffHeaders(), saveAs)).error
}
