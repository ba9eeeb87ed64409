export async function loadHighlighter() {
  let highlighter;
  try {
    highlighter = (await import('shiki')).createHighlighter;
  } catch {}
  return highlighter;
}
