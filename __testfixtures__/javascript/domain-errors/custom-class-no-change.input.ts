class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export function notFound(path: string): never {
  throw new HttpError(404, `Page ${path} not found`);
}
