def read(path):
    try:
        return parse(path)
    except ValueError:
        try:
            cleanup(path)
        finally:
            raise Unreadable(path)
