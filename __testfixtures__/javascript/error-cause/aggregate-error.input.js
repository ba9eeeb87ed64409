export async function all(tasks) {
  try {
    return await Promise.all(tasks);
  } catch (e) {
    throw new AggregateError([], 'Some tasks failed');
  }
}
