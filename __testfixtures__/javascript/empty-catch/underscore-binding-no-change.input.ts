export function closeQuietly(socket: { destroy(): void }): void {
  try {
    socket.destroy();
  } catch (_noop) {}
}
