import json


def load(path):
    with open(path) as handle:
        try:
            return json.load(handle)
        except ValueError:
            raise ConfigError(f"{path} is not valid JSON")
