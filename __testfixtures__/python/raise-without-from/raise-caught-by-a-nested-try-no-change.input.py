def status(response):
    try:
        body = response.json()
    except ValueError as e:
        try:
            if response.raw is None:
                # Some responses cannot be read twice.
                raise AttributeError
            body = response.raw.read()
        except AttributeError:
            body = None
    return body
