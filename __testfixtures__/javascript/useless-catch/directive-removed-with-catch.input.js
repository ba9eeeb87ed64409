async function publish(queue, message) {
  try {
    await queue.send(message);
    // eslint-disable-next-line no-useless-catch
  } catch (error) {
    throw error;
  }
  return message.id;
}

module.exports = { publish };
