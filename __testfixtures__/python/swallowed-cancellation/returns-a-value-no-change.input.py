import asyncio


async def poll(feed):
    try:
        return await feed.next()
    except asyncio.CancelledError:
        return None
