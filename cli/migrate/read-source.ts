/**
 * Reads one candidate file and decides whether it is source text worth parsing. Cheap checks come
 * first (type and size from the open descriptor, then a NUL byte scan) so huge or binary files are
 * never decoded.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

const BINARY_SNIFF_BYTES = 8 * 1024;

export type SourceRead =
  | {
      kind: 'text';
      /** The text without its byte order mark; offsets in transforms refer to this. */
      text: string;
      bom: boolean;
      /** Size and modification time when read, to notice edits made while the run was going. */
      size: number;
      mtimeMs: number;
    }
  | { kind: 'skipped'; reason: string }
  | { kind: 'unreadable'; message: string };

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function readSource(absolutePath: string, maxFileSize: number): SourceRead {
  let fd: number;
  try {
    // Non-blocking, so a FIFO that slipped past discovery cannot hang the run waiting for a writer.
    fd = openSync(absolutePath, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { kind: 'unreadable', message: describeReadError(error) };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { kind: 'skipped', reason: 'not a regular file' };
    if (stats.size > maxFileSize) {
      return { kind: 'skipped', reason: `larger than the ${formatBytes(maxFileSize)} limit (${formatBytes(stats.size)}); raise it with --max-file-size` };
    }
    const bytes = readBuffer(stats.size);
    let filled = 0;
    while (filled < stats.size) {
      const read = readSync(fd, bytes, filled, stats.size - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    const content = bytes.subarray(0, filled);
    if (content.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { kind: 'skipped', reason: 'binary file (contains NUL bytes)' };
    const decoded = content.toString('utf8');
    // Undecodable bytes turn into U+FFFD, and writing the text back would destroy them.
    if (decoded.includes('\uFFFD') && !Buffer.from(decoded, 'utf8').equals(content)) {
      return { kind: 'skipped', reason: 'not UTF-8 text; only UTF-8 files are rewritten' };
    }
    const bom = decoded.charCodeAt(0) === 0xfeff;
    return { kind: 'text', text: bom ? decoded.slice(1) : decoded, bom, size: stats.size, mtimeMs: stats.mtimeMs };
  } catch (error) {
    return { kind: 'unreadable', message: describeReadError(error) };
  } finally {
    closeSync(fd);
  }
}

/**
 * One buffer for every read, grown to the largest file so far: the text is decoded out of it right
 * away, and a buffer per file cost a tenth of the reading time in allocation and collection.
 */
let sharedBuffer = Buffer.allocUnsafe(64 * 1024);

function readBuffer(size: number): Buffer {
  if (sharedBuffer.length < size) sharedBuffer = Buffer.allocUnsafe(size);
  return sharedBuffer;
}

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'cannot read the file: permission denied — check its permissions';
    case 'ENOENT':
      return 'the file disappeared during the run';
    case 'EISDIR':
      return 'cannot read the file: it is now a folder';
    default:
      return `cannot read the file: ${code ?? (error as Error).message}`;
  }
}
