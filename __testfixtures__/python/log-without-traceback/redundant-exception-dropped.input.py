import logging

logger = logging.getLogger(__name__)


async def push(queue, name):
    try:
        await queue.put(name)
    except ConnectionError as err:
        logger.error("push failed: %s", err)
    try:
        await queue.join()
    except TimeoutError as exc:
        logger.error(f"join of {name} failed - {exc!r}")
    finally:
        queue.close()
