const { log } = require('./util');

async function refreshAll(monitors) {
  for (const monitor of monitors) {
    try {
      await monitor.refresh();
    } catch (e) {}
  }
  log.info('monitor', `refreshed ${monitors.length}`);
}

module.exports = { refreshAll };
