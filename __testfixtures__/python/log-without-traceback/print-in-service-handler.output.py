import httpx

from app.errors import logger
from app.models import Account


def sync(account: Account, name):
    try:
        httpx.post(account.url, json={"name": name})
    except httpx.HTTPError as err:
        logger.exception(f"could not sync {name}: {err}")
        return False
    return True
