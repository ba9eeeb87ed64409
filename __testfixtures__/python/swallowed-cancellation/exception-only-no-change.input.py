import asyncio


async def probe(host):
    try:
        await asyncio.open_connection(host, 443)
    except Exception:
        host.down = True
