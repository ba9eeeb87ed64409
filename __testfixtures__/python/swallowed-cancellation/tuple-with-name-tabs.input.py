import asyncio


async def fetch(client, url, log):
	try:
		return await client.get(url)
	except (TimeoutError, asyncio.CancelledError) as exc:
		log(exc)
