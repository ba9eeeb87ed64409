async function publish(queue, message) {
  await queue.send(message);
  return message.id;
}

module.exports = { publish };
