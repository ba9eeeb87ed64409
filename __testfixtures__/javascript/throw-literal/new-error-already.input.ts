export function parseAge(text: string): number {
  const age = Number(text);
  if (Number.isNaN(age)) throw new TypeError('Age is not a number');
  if (age < 0) throw Error('Age cannot be negative');
  return age;
}
