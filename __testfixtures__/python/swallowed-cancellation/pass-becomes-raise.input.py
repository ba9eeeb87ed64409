from asyncio import CancelledError, sleep


async def heartbeat(send):
    try:
        while True:
            await send("ping")
            await sleep(30)
    except CancelledError:
        pass
    finally:
        await send("bye")
