def sizes(paths, stat):
    found = {}
    for path in paths:
        try:
            found[path] = stat(path).st_size
        except:
            continue
    return found
