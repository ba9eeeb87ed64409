try:
    run()
except OSError as e:
    def later():
        raise e

    schedule(later)
