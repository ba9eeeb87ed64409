import logging

logger = logging.getLogger(__name__)


def sync(client):
    try:
        client.push()
    except ConnectionError as err:
        logger.error("push failed: %s", err)
        return False
    return True
