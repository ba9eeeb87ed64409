export function loadUser(db, id) {
  return db.users.find(id).catch((error) => {
    throw new Error(`user ${id} could not be loaded`, { cause: error });
  });
}
