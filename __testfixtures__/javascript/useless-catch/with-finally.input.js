export async function withConnection(pool, work) {
  const connection = await pool.connect();
  try {
    return await work(connection);
  } catch (error) {
    throw error;
  } finally {
    connection.release();
  }
}
