const db = require('./db');

async function saveOrder(order) {
  try {
    await db.insert('orders', order);
  } catch (error) {
    console.error('Could not save order', order.id, error.stack);
    throw error;
  }
}

module.exports = { saveOrder };
