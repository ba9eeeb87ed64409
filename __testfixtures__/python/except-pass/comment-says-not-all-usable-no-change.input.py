import hashlib


def usable_algorithms():
    found = {}
    for name in hashlib.algorithms_available:
        try:
            # Not all algorithms listed are usable: md5 is missing in FIPS mode.
            found[name] = hashlib.new(name)
        except Exception:
            pass
    return found
