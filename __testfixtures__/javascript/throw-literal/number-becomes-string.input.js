export function exitCodeOf(result) {
  if (result.failed) throw 42;
  if (result.crashed) throw -1;
  return 0;
}
