def parse(text):
    err = None
    try:
        value = int(text)
    except ValueError:
        raise BadNumber(text)
    return value, err
