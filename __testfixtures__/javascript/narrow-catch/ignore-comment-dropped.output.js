import { lstat } from 'node:fs/promises'
import { isErrnoError } from '../src/errors/index.js'

export async function existingLink (file) {
  let stats
  try {
    stats = await lstat(file)
  } catch (error) {
    if (!isErrnoError(error, 'ENOENT', 'ENOTDIR')) {
      throw error
    }
  }
  return stats
}
