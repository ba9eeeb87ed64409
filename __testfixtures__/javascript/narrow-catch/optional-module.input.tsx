export function loadDevtools(): unknown {
  try {
    return require('react-devtools-core');
  } catch (err) {
    return null;
  }
}
