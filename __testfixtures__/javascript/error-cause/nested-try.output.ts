declare function primary(): Promise<string>;
declare function secondary(): Promise<string>;

export async function fetchWithFallback(): Promise<string> {
  try {
    return await primary();
  } catch (primaryError) {
    try {
      return await secondary();
    } catch (secondaryError) {
      throw new Error('Both sources failed', { cause: secondaryError });
    }
  }
}
