import logging

logger = logging.getLogger(__name__)


async def push(queue, name):
    try:
        await queue.put(name)
    except ConnectionError as err:
        logger.exception("push failed")
    try:
        await queue.join()
    except TimeoutError as exc:
        logger.exception(f"join of {name} failed")
    finally:
        queue.close()
