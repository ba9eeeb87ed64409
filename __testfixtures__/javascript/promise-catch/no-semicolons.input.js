export function ping(client) {
  return client.ping().catch(() => false)
}
