from app.errors import report_error


def sizes(paths, stat):
    found = {}
    for path in paths:
        try:
            found[path] = stat(path).st_size
        except BaseException as err:
            report_error(err, operation="sizes")
            continue
    return found
