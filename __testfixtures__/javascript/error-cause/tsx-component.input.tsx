declare function render(markdown: string): string;

export function Preview({ markdown }: { markdown: string }) {
  let html: string;
  try {
    html = render(markdown);
  } catch (e) {
    throw new Error('Preview failed');
  }
  return <div>{html}</div>;
}
