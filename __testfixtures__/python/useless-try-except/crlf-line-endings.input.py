def go():
    try:
        step()

        step()
    except OSError:
        raise
