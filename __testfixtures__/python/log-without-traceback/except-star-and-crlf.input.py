try:
    run()
except* OSError:
    LOGGER.error("disk")
