declare function load(): string[];

export function List() {
  let items: string[] = [];
  try {
    items = load();
  } catch (e) {
    throw e;
  }
  return (
    <ul>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
