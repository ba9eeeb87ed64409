def read(path):
    try:
        return parse(path)
    except ValueError as err:
        try:
            cleanup(path)
        finally:
            raise Unreadable(path) from err
