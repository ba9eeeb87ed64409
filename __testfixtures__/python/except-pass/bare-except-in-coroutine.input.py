"""Pushes order events to the warehouse."""


async def push(client, event):
    try:
        await client.send(event)
    except:
        pass
    return event.id
