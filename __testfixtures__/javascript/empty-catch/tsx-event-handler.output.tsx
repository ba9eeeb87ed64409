import { reportError } from '../src/errors/index.js';

declare function save(value: string): Promise<void>;

export function SaveButton({ value }: { value: string }) {
  const onSave = async () => {
    try {
      await save(value);
    } catch (e) {
      reportError(e, { operation: 'onSave' });
    }
  };
  return <button onClick={onSave}>Save</button>;
}
