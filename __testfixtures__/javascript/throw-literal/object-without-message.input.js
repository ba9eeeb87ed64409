export function reserve(seats, wanted) {
  if (wanted > seats) {
    throw {
      code: 'E_NO_SEATS',
      wanted,
    };
  }
  return seats - wanted;
}
