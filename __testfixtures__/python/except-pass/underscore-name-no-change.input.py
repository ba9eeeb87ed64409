def close_quietly(resource):
    try:
        resource.close()
    except Exception as _ignored:
        pass
