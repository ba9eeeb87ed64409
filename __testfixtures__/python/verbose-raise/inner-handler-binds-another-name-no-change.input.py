try:
    run()
except OSError as e:
    try:
        cleanup()
    except RuntimeError as inner:
        raise e
