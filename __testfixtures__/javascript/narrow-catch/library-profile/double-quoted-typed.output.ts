import { statSync } from "node:fs";

export function isDirectoryOrMissing(target: string): boolean | null {
  try {
    return statSync(target).isDirectory();
  } catch (error) {
    if (
      !["ENOENT", "ENOTDIR"].includes((error as { code?: string }).code ?? "")
    ) {
      throw error;
    }
    return null;
  }
}
