declare function query(): Promise<void>;

class DbError extends Error {
  constructor(readonly original: unknown) {
    super('Database error');
  }
}

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export async function save(): Promise<void> {
  try {
    await query();
  } catch (e) {
    throw new DbError(e);
  }
}

export async function respond(): Promise<void> {
  try {
    await query();
  } catch (e) {
    throw new HttpError(502, 'Upstream failed');
  }
}
