declare function load(): string[];

export function List() {
  let items: string[] = [];
  items = load();
  return (
    <ul>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
