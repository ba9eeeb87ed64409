declare function seedUsers(count: number): Promise<void>;

async function main(): Promise<void> {
  try {
    await seedUsers(12);
  } catch (error) {
    console.error(error);
  }
}

void main();
