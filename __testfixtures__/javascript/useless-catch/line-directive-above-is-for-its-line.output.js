function start(server) {
  server.listen(process.env.PORT); // eslint-disable-line
  return server;
}

module.exports = { start };
