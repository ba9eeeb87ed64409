from app.storage import NotFoundError


def read(bucket, name):
    if not bucket.has(name):
        raise Exception(f"blob {name} not found")
    if bucket.locked:
        raise NotFoundError(name)
    return bucket.read(name)
