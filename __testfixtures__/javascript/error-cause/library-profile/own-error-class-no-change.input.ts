export class TemplateError extends Error {}

export function compile(source: string): () => string {
  try {
    return new Function(`return \`${source}\`;`) as () => string;
  } catch {
    throw new TemplateError('mylib: the template does not compile');
  }
}
