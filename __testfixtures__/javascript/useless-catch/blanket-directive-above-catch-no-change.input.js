async function save(store, record) {
  try {
    await store.put(record);
    // eslint-disable-next-line
  } catch (error) {
    throw error;
  }
  return record.id;
}

module.exports = { save };
