import { logger } from '../src/errors/index.js';

declare function upload(file: string): Promise<void>;

export function UploadButton({ file }: { file: string }) {
  async function onClick() {
    try {
      await upload(file);
    } catch (uploadError) {
      logger.error({ err: uploadError }, 'Upload failed');
    }
  }
  return <button onClick={onClick}>Upload</button>;
}
