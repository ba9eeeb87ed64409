export function lookup(id, resolve, reject) {
  if (!id) reject(new Error('Id not found'));
  else resolve(id);
}

export function load(id, callback) {
  callback(new Error(`Record ${id} not found`));
}
