export function Total({ compute }: { compute: () => number }) {
  let total = 0;
  try {
    total = compute();
  } catch (error) {
    // the error boundary above shows this
    throw error;
  }
  return <span>{total}</span>;
}
