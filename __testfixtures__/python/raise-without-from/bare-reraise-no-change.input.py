try:
    step()
except ValueError:
    cleanup()
    raise
