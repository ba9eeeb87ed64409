def handler(event):
    try:
        process(event)
    except LookupError as err:
        def later():
            raise Missing(event)

        schedule(later)
        raise Failed(event) from err
