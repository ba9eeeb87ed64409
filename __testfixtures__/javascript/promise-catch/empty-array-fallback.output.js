import { reportError } from '../src/errors/index.js';

export async function tags(api) {
  const list = await api.get('/tags').catch(async (error) => { reportError(error, { operation: 'tags' }); return []; });
  return list.map((tag) => tag.name);
}
