def close_next(pool):
    try:
        pool.checkout().close()
    except Exception:
        pass
