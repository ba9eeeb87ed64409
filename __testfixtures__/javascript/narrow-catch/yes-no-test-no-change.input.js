export function isValidPattern(source) {
  try {
    compile(source);
    return true;
  } catch {
    return false;
  }
}

function compile() {}
