async def fetch(client):
    try:
        # The client retries on its own.
        return await client.get()
    except TimeoutError as e:
        raise e
