// Error classes of a library, imported by the library-profile fixtures.
export class ParseError extends Error {
  override name = 'ParseError';
}

export class RenderError extends Error {
  override name = 'RenderError';
}
