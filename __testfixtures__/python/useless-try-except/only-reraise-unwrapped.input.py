def load(path):
    try:
        data = read(path)
        return parse(data)  # parse validates too
    except ValueError:
        raise
