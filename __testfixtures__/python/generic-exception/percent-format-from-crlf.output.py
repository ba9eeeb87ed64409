from app.errors import NotFoundError


async def load_profile(store, user_id):
    try:
        return await store.get(user_id)
    except LookupError as err:
        raise NotFoundError("profile %s not found" % user_id, expose=False) from err
