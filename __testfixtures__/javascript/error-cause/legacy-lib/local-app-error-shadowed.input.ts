declare function connect(url: string): Promise<void>;

class AppError extends Error {}

export async function openCache(url: string): Promise<void> {
  try {
    await connect(url);
  } catch {
    throw new Error('Cache unavailable');
  }
  throw new AppError('unreachable');
}
