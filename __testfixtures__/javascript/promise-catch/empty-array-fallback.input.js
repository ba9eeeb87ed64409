export async function tags(api) {
  const list = await api.get('/tags').catch(async () => []);
  return list.map((tag) => tag.name);
}
