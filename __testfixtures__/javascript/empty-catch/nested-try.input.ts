declare function connect(): Promise<{ close(): Promise<void> }>;

export async function probe(): Promise<boolean> {
  try {
    const connection = await connect();
    try {
      await connection.close();
    } catch {}
    return true;
  } catch (error) {
    try {
      await connect();
    } catch {}
    return false;
  }
}
