@retry(times=3)
async def fetch(client, url):
    try:
        return await client.get(url)
    except (TimeoutError, ConnectionError) as err:
        raise Unavailable(url) from err
