import { reportError } from '../src/errors/index.js';

declare function save(): Promise<void>;

export function SaveButton() {
  const onClick = () => {
    save().catch((error) => {
      reportError(error, { operation: 'SaveButton' });
    });
  };
  return <button onClick={onClick}>Save</button>;
}
