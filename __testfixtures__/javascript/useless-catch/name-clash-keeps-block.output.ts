declare function compute(): number;

export function total(): number {
  const value = 1;
  {
    const value = compute();
    console.log(value);
  }
  return value;
}
