const { log } = require('../util');

async function refresh(monitor) {
  try {
    await monitor.check();
    log.debug('monitor', 'checked');
  } catch (e) {
    console.error(e);
  }
}

module.exports = { refresh };
