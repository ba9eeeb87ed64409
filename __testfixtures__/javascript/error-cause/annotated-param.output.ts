declare function decode(token: string): string;

export function verify(token: string): string {
  try {
    return decode(token);
  } catch (e: unknown) {
    throw new Error('Token rejected', { cause: e });
  }
}

export function verifyLoose(token: string): string {
  try {
    return decode(token);
  } catch (e: any) {
    throw Error('Token rejected: ' + e.message, { cause: e });
  }
}
