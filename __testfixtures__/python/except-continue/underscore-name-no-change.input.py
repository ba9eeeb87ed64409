def parse_ints(values):
    result = []
    for value in values:
        try:
            result.append(int(value))
        except Exception as _skip:
            continue
    return result
