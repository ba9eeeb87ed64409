import { reportError } from '../src/errors/index.js'

export function ping(client) {
  return client.ping().catch((error) => { reportError(error, { operation: 'ping' }); return false })
}
