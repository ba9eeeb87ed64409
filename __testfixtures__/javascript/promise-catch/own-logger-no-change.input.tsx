import { logger } from '../src/logging.js';

export function SyncButton({ sync }: { sync: () => Promise<void> }) {
  const onClick = () => {
    sync().catch(() => {});
    logger.debug('sync requested');
  };
  return <button onClick={onClick}>Sync</button>;
}
