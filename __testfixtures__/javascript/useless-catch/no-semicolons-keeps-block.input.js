export function first(list) {
  const head = list[0]
  try {
    [head].forEach(check)
  } catch (e) {
    throw e
  }
  return head
}

function check() {}
