async def consume(stream, handler):
    async for message in stream:
        try:
            await handler(message)
        except Exception: continue
        await message.ack()
