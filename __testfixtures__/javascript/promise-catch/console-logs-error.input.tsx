declare function track(event: string): Promise<void>;

export function Button({ label }: { label: string }) {
  const onClick = () => {
    track(label).catch(err => console.log(err));
  };
  return <button onClick={onClick}>{label}</button>;
}
