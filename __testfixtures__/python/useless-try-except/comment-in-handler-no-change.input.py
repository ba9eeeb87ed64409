try:
    run()
except ValueError:
    # Callers handle this; listed here so readers know it can happen.
    raise
