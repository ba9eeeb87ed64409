import trio


async def tick(channel):
    try:
        await channel.send(1)
    except:
        channel.broken = True
