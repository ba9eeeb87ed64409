import sys


def main(path):
    try:
        with open(path) as handle:
            return handle.read()
    except OSError as error:
        print(f"cannot read {path}: {error}", file=sys.stderr)
        return None
