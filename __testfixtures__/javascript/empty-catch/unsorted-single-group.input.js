import { render } from './render.js';
import path from 'node:path';
import { compile } from './compile.js';

export function build(file) {
  try {
    render(compile(path.resolve(file)));
  } catch (e) {}
}
