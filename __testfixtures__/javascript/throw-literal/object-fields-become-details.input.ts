export function assertQuota(used: number, limit: number, code: string, message: string): void {
  if (used > limit) {
    throw { code, message, limit };
  }
}
