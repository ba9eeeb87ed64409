async def fetch(client):
    # The client retries on its own.
    return await client.get()
