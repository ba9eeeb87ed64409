export function Panel({ render }) {
  try {
    return <section>{render()}</section>;
  } finally {
    console.log('rendered');
  }
}
