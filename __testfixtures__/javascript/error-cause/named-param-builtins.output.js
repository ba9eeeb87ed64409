export function toPort(value) {
  try {
    return BigInt(value);
  } catch (e) {
    if (typeof value !== 'string') throw new TypeError('Port must be a string', {
      cause: e
    });
    throw new RangeError(`Bad port: ${value}`, { cause: e },);
  }
}
