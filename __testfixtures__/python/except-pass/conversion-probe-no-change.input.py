import json
from ast import literal_eval


def coerce(value):
    result = value
    try:
        result = json.loads(value)
    except Exception:
        try:
            result = literal_eval(value)
        except Exception:
            pass
    return result
