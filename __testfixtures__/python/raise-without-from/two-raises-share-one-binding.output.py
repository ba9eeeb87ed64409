def convert(value, strict):
    try:
        return float(value)
    except (TypeError, ValueError) as err:
        # Strict callers want to know which value it was.
        if strict:
            raise InvalidValue(value) from err
        raise InvalidValue("unknown") from err
