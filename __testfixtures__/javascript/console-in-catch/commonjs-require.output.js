const db = require('./db');
const { logger } = require('../src/errors');

async function saveOrder(order) {
  try {
    await db.insert('orders', order);
  } catch (error) {
    logger.error({ err: error, id: order.id }, 'Could not save order');
    throw error;
  }
}

module.exports = { saveOrder };
