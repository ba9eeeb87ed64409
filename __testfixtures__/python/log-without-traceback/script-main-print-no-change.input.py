import json
import sys


def load(path):
    try:
        return json.load(open(path))
    except ValueError as problem:
        print("invalid JSON:", problem)
        sys.exit(1)


if __name__ == "__main__":
    load(sys.argv[1])
