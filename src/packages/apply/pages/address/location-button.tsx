/** H5: no map picker; the typed address is enough. */
export interface LocationButtonProps {
  picked?: string
  onPicked: (location: { latitude: number; longitude: number; name: string }) => void
}
export function LocationButton(_props: LocationButtonProps) {
  return null
}
