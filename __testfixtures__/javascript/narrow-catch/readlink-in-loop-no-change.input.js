import { readlinkSync } from 'node:fs'

export function targets (links) {
  const found = []
  for (const link of links) {
    try {
      found.push(resolveTarget(readlinkSync(link)))
    } catch {
      // ignore
    }
  }
  return found
}

function resolveTarget (target) {
  return target.trim()
}
