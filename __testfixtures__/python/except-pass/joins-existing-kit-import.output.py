import json

from app.errors import NotFoundError, logger, report_error


def load_profile(store, user_id):
    raw = store.get(user_id)
    if raw is None:
        raise NotFoundError(f"no profile for {user_id}")
    try:
        store.touch(user_id)
    except Exception as exc:
        report_error(exc, operation="load_profile")
    logger.info("profile loaded")
    return json.loads(raw)
