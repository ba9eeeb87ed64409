import asyncio


def sync_close(handle):
    try:
        handle.close()
    except BaseException:
        handle.abandon()


async def start(loop):
    def on_done(future):
        try:
            future.result()
        except asyncio.CancelledError:
            loop.stop()

    task = loop.create_task(asyncio.sleep(1))
    task.add_done_callback(on_done)
    return task
