import { StateError } from './errors.js';

export function next(machine) {
  if (machine.done) throw new StateError('The machine has stopped');
  if (machine.state === undefined) throw null;
  return machine.step();
}
