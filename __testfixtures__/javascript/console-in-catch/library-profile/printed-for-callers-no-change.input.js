export function deprecatedOption(options) {
  try {
    return options.legacy();
  } catch (err) {
    console.error('mylib: the legacy option failed', err);
    return undefined;
  }
}
