import logging
import traceback

logger = logging.getLogger(__name__)


def connect(self):
    try:
        self.open()
    except RuntimeError as e:
        logger.error("connection failed: %r", e)
        logger.error("traceback: %r", traceback.format_exc())
