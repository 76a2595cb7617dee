/** H5 has no subscribe messages: the detail page refreshes itself instead (useApplication polls). */
export const SUBSCRIBE_AVAILABLE = false
export async function askToSubscribe(_number: string): Promise<string[]> {
  return []
}
