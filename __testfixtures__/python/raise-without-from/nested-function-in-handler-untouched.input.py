def handler(event):
    try:
        process(event)
    except LookupError:
        def later():
            raise Missing(event)

        schedule(later)
        raise Failed(event)
