import { reportError } from '../src/errors/index.js';

declare function track(event: string): Promise<void>;

export function Button({ label }: { label: string }) {
  const onClick = () => {
    track(label).catch(err => { reportError(err, { operation: 'onClick' }); });
  };
  return <button onClick={onClick}>{label}</button>;
}
