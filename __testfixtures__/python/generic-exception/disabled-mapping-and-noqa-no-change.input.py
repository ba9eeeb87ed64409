def parse(value):
    if not value.isdigit():
        raise Exception("invalid number")
    if value == "0":
        raise Exception("zero not found")  # noqa: TRY002
    return int(value)
