import atexit


def flush(buffer):
    try:
        buffer.flush()
    except Exception:  # noqa: S110
        pass


@atexit.register
def goodbye(buffer):
    try:
        buffer.close()
    # faultline-ignore except-pass: the interpreter is exiting, nothing can report
    except Exception:
        pass
