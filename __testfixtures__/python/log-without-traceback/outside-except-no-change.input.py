def report(errors):
    for error in errors:
        logger.error("bad row: %s", error)
