def load(path):
    data = read(path)
    return parse(data)  # parse validates too
