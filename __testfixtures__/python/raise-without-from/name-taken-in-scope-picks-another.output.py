def parse(text):
    err = None
    try:
        value = int(text)
    except ValueError as error:
        raise BadNumber(text) from error
    return value, err
