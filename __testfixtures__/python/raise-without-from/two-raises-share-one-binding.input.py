def convert(value, strict):
    try:
        return float(value)
    except (TypeError, ValueError):
        # Strict callers want to know which value it was.
        if strict:
            raise InvalidValue(value)
        raise InvalidValue("unknown")
