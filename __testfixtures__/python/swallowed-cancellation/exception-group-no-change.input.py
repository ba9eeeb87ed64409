import asyncio


async def gather_all(coros):
    try:
        async with asyncio.TaskGroup() as group:
            for coro in coros:
                group.create_task(coro)
    except* BaseException as errors:
        print(errors)
