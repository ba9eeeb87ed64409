function start(server) {
  try {
    server.listen(process.env.PORT); // eslint-disable-line
  } catch (error) {
    throw error;
  }
  return server;
}

module.exports = { start };
