declare function run(sql: string): void;

export function migrate(): void {
  run(`
      create table users (
        id text primary key
      )
    `);
}
