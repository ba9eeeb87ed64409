export function at(list, index) {
  if (index >= list.length) throw new RangeError('Index not found in list');
  return list[index];
}
