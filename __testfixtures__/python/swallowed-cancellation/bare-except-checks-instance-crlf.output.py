import asyncio


class Job:
    async def run(self):
        try:
            await asyncio.sleep(1)
        except BaseException as err:
            self.failed = True
            if isinstance(err, asyncio.CancelledError):
                raise
        else:
            self.failed = False
