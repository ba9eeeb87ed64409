@retry(times=3)
async def fetch(client, url):
    try:
        return await client.get(url)
    except (TimeoutError, ConnectionError):
        raise Unavailable(url)
