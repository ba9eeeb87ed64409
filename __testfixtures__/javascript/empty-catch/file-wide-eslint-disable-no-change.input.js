/* eslint-disable no-empty */
export function teardown(server) {
  try {
    server.close();
  } catch (e) {}
}
