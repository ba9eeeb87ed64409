export function Fail({ reason }: { reason: unknown }) {
  if (reason) throw reason;
  return <p>ok</p>;
}
