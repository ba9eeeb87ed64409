const models = require('./models/index');
const jobs = require('./jobs/index');

async function archive(id) {
  try {
    await jobs.enqueue('archive', await models.Order.findById(id));
  } catch (err) {}
}

module.exports = { archive };
