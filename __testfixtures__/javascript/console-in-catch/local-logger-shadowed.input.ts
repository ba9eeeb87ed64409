declare function createLogger(name: string): { info(message: string): void };
declare function charge(amount: number): Promise<void>;

const logger = createLogger('billing');

export async function bill(amount: number): Promise<void> {
  logger.info('billing');
  try {
    await charge(amount);
  } catch (e) {
    console.error('Charge failed', amount, e);
  }
}
