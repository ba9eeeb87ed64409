import { lstat } from 'node:fs/promises'

export async function existingLink (file) {
  let stats
  try {
    stats = await lstat(file)
  } catch {
    // ignore error
  }
  return stats
}
