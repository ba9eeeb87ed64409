export function Price({ amount }: { amount: number }) {
  let text: string;
  try {
    text = new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' }).format(amount);
    // eslint-disable-next-line -- kept for the debugger while the formatter is replaced
  } catch (error) {
    throw error;
  }
  return <span>{text}</span>;
}
