export function poll(job) {
  return job.status().then((status) => status.done, () => false);
}
