import contextlib
import os


def cleanup(path):
    with contextlib.suppress(OSError):
        os.unlink(path)
