export function renderer(kind) {
  switch (kind) {
    case 'html':
      return 'html';
    default:
      throw new Error(`Renderer ${kind} not found`);
  }
}
