interface Client {
  axios: (url: string) => Promise<{ data: unknown }>;
}

export async function fetchStatus(client: Client, url: string): Promise<unknown> {
  try {
    return (await client.axios(url)).data;
  } catch {
    throw new Error(`Status page ${url} did not answer`);
  }
}
