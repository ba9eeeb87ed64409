export class Mirror {
  async refresh(remote) {
    try {
      await remote.stat();
    } catch (e) {}
  }
}
