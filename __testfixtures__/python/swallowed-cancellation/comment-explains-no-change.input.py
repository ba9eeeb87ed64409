import asyncio


async def worker(queue):
    try:
        await queue.get()
    except asyncio.CancelledError:
        # The pool is shutting down; finishing quietly is the contract.
        queue.task_done()
