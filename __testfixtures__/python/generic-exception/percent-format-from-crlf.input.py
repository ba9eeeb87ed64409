async def load_profile(store, user_id):
    try:
        return await store.get(user_id)
    except LookupError as err:
        raise Exception("profile %s not found" % user_id) from err
