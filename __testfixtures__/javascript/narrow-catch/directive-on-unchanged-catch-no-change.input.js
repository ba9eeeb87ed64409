function tryNotify(hooks, event) {
  for (const hook of hooks) {
    try {
      hook(event);
      // eslint-disable-next-line no-empty
    } catch {}
  }
}

module.exports = { tryNotify };
