import logging

logger = logging.getLogger(__name__)


def sync(client):
    try:
        client.push()
    except ConnectionError as err:
        logger.exception("push failed")
        return False
    return True
