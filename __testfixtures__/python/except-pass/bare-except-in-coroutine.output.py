"""Pushes order events to the warehouse."""

from app.errors import report_error


async def push(client, event):
    try:
        await client.send(event)
    except BaseException as err:
        report_error(err, operation="push")
    return event.id
