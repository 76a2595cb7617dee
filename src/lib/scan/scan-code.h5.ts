/** H5 has no camera scan: the QR content is pasted instead. */
export const CAMERA_SCAN = false
export async function scanCode(): Promise<string | null> {
  return null
}
