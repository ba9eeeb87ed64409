declare function run(sql: string): void;

export function migrate(): void {
  try {
    run(`
      create table users (
        id text primary key
      )
    `);
  } catch (e) {
    throw e;
  }
}
