declare function login(): Promise<void>;

export async function authenticate(): Promise<void> {
  try {
    await login();
  } catch {
    // faultline-ignore error-cause: the cause may carry credentials
    throw new Error('Authentication failed');
  }
}
