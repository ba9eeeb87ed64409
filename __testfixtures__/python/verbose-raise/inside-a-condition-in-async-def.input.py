async def call(session):
    try:
        return await session.post()
    except TimeoutError as e:
        if session.closed:
            raise e  # keep the timeout
        return None
