import { readFileSync } from 'node:fs'
import { isErrnoError } from '../src/errors/index.js'

export function packageManagerOf(file: string): string | undefined {
  let agent: string | undefined
  try {
    const pkg = JSON.parse(readFileSync(file, 'utf8'))
    if (typeof pkg.packageManager === 'string')
      agent = pkg.packageManager.replace(/^\^/, '').split('@')[0]
  }
  catch (error) {
    if (!isErrnoError(error, 'ENOENT', 'ENOTDIR') && !(error instanceof SyntaxError))
      throw error
  }
  return agent
}
