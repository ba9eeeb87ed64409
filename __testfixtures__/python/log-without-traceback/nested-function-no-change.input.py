try:
    run()
except OSError:
    def later():
        logger.error("disk")

    schedule(later)
