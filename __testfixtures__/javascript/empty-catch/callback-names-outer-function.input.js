export function watchConfig(emitter, reload) {
  emitter.on('change', () => {
    try {
      reload();
    } catch (e) {}
  });
}
