import asyncio


class Job:
    async def run(self):
        try:
            await asyncio.sleep(1)
        except:
            self.failed = True
        else:
            self.failed = False
