import { RenderError } from '../../src/library-errors.js';

export function Safe({ render }: { render: () => JSX.Element }) {
  try {
    return render();
  } catch (error) {
    if (error instanceof RenderError) throw error;
    throw new RenderError(`Rendering failed: ${String(error)}`);
  }
}
