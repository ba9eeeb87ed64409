try:
    run()
except OSError:
    logger.error("disk full")  # noqa: TRY400
