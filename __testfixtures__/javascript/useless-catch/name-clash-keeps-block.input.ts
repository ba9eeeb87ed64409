declare function compute(): number;

export function total(): number {
  const value = 1;
  try {
    const value = compute();
    console.log(value);
  } catch (e) {
    throw e;
  }
  return value;
}
