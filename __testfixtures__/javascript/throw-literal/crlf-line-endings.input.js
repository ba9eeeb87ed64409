export function pick(list, index) {
  if (index >= list.length) throw 'Index out of range';
  return list[index];
}
