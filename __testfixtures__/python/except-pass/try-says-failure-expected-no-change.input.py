def warm_cache(cache, keys):
    try:
        # best-effort: a cold cache only costs a slower first request
        cache.preload(keys)
    except Exception:
        pass
    return cache
