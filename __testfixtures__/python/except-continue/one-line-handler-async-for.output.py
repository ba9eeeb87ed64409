from app.errors import report_error


async def consume(stream, handler):
    async for message in stream:
        try:
            await handler(message)
        except Exception as err:
            report_error(err, operation="consume")
            continue
        await message.ack()
