import asyncio
import contextlib


class Stream:
    @contextlib.asynccontextmanager
    async def open(self):
        yield self

    async def pump(self, conn):
        while True:
            try:
                await conn.forward()
            except asyncio.CancelledError:
                await conn.close()
                self.closed = True
                raise
