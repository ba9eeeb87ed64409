try:
    connect()
except OSError:
    raise ServiceDown(
        "database",  # the name operators search for
        retry_after=30,
    )
