export function first(list) {
  const head = list[0]
  {
    [head].forEach(check)
  }
  return head
}

function check() {}
