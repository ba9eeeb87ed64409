import logging

_logger = logging.getLogger(__name__)


def register(metadata, schema, name):
    try:
        metadata[schema][name] = ["*"]
    except KeyError:
        _logger.error("%r listed in unknown schema %r", name, schema)
        print("skipped", name)
