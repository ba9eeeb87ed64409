export function downloadTemplate(provider, name) {
  return provider
    .fetchArchive(name)
    .catch((error) => {
      throw new Error(`Failed to download template from ${provider.name}: ${error.message}`, {
        cause: error
      });
    });
}
