try:
    run()
except KeyError:
    raise
except (OSError, ValueError) as err:
    raise err
