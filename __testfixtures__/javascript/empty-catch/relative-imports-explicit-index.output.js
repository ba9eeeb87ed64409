const models = require('./models/index');
const jobs = require('./jobs/index');
const { reportError } = require('../src/errors/index');

async function archive(id) {
  try {
    await jobs.enqueue('archive', await models.Order.findById(id));
  } catch (err) {
    reportError(err, { operation: 'archive' });
  }
}

module.exports = { archive };
