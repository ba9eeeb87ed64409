export async function main(queue) {
  try {
    await queue.drain();
  } catch (error) {
    console.error(error);
  }
}
