export function check(response) {
  const problem = response.problem;
  if (problem) throw problem;
  return response.body;
}
