import asyncio

from app.errors import report_error


async def drain(queue):
	while not queue.empty():
		try:
			queue.get_nowait().close()
		except* Exception as err:
			report_error(err, operation="drain")
	try:
		await asyncio.sleep(0)
	except Exception as err:
		report_error(err, operation="drain")
	else:
		return True
	finally:
		queue.task_done()
