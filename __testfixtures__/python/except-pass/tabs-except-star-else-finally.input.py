import asyncio


async def drain(queue):
	while not queue.empty():
		try:
			queue.get_nowait().close()
		except* Exception: pass
	try:
		await asyncio.sleep(0)
	except Exception:
		pass
	else:
		return True
	finally:
		queue.task_done()
