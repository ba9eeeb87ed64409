// Lets TSX fixtures type-check without a UI library's types.
declare namespace JSX {
  interface IntrinsicElements {
    [name: string]: Record<string, unknown>;
  }
  type Element = unknown;
}
