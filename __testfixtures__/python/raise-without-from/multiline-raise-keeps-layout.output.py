try:
    connect()
except OSError as err:
    raise ServiceDown(
        "database",  # the name operators search for
        retry_after=30,
    ) from err
