try:
    run()
except ValueError:  # noqa: TRY203
    raise
