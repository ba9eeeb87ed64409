try:
    run()
except* OSError:
    LOGGER.exception("disk")
