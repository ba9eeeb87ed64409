try:
    run()
except OSError:
    logger.error("disk", exc_info=True)
    logger.error("disk", **context)
