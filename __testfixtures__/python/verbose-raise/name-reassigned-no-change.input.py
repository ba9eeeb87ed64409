try:
    run()
except OSError as e:
    e = Wrapped(e)
    raise e
