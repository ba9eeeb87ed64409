try:
    run()
except ValueError as e:
    raise Failed() from e
