import asyncio


async def serve(server):
    try:
        await server.serve_forever()
    except BaseException as exc:
        await server.shutdown()
        raise RuntimeError("server stopped") from exc
