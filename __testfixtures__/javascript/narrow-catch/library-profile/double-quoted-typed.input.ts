import { statSync } from "node:fs";

export function isDirectoryOrMissing(target: string): boolean | null {
  try {
    return statSync(target).isDirectory();
  } catch {
    return null;
  }
}
