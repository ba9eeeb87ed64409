export function Debug({ value }: { value: string }) {
  console.log('rendering', value);
  return <pre>{value}</pre>;
}
