import os


def remove_pidfile(path, registry):
    try:
        os.remove(path)
    except FileNotFoundError:
        pass
    for key in list(registry):
        try:
            del registry[key]
        except (KeyError, IndexError):
            pass
