class Worker:
    async def run(self, job):
        try:
            await job()
        except Exception:
            logging.exception("job failed")
            self._log.error(
                "job %s failed",  # the id is what on-call searches for
                job.id,
            )
