// A frozen report against the same month recomputed from the event log: every figure that differs, by its path. Pure.

/** Leaves of a JSON value by dot path (array items by index). */
function leaves(value: unknown, at: string, out: Map<string, unknown>): Map<string, unknown> {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) leaves(v, at ? `${at}.${k}` : k, out)
  } else out.set(at, value)
  return out
}

export function figureDifferences(reported: unknown, recomputed: unknown): { field: string; reported: unknown; recomputed: unknown }[] {
  const a = leaves(reported, '', new Map())
  const b = leaves(recomputed, '', new Map())
  return [...new Set([...a.keys(), ...b.keys()])]
    .filter((k) => a.get(k) !== b.get(k))
    .map((field) => ({ field, reported: a.get(field) ?? null, recomputed: b.get(field) ?? null }))
}
