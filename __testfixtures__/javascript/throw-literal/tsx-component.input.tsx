export function Quantity({ value }: { value: number }) {
  if (value < 0) throw 'Quantity cannot be negative';
  return <span>{value}</span>;
}
