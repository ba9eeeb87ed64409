export async function loadPlugin(name: string): Promise<unknown> {
  try {
    return await import(name);
  } catch (error) {
    throw new Error(
      `The plugin ${name} could not be loaded: install it with your package manager, or remove it from the configuration file.`,
      { cause: error },
    );
  }
}
