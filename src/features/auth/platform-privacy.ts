/** H5 has no platform privacy authorisation; the app's own consent screen is the whole of it. */
export async function requirePlatformPrivacy(): Promise<boolean> {
  return true
}
