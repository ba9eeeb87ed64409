try:
    run()
except OSError as e:
    raise e  # noqa: TRY201
