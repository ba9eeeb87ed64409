try:
    run()
except OSError as e:
    raise
