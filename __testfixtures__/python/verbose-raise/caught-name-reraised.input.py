def save(record):
    try:
        db.insert(record)
    except IntegrityError as exc:
        log.warning("duplicate %s", record.id)
        raise exc
