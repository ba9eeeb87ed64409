"""Reports an error through the generated kit in a project that logs with loguru or structlog, and
prints what reached that logger as JSON.

Usage: python project_logger.py <loguru|structlog> <kit package, e.g. myapp.errors>
"""
import importlib
import json
import sys

which, package = sys.argv[1], sys.argv[2]
received = []

if which == 'loguru':
    from loguru import logger

    logger.remove()
    logger.add(
        lambda message: received.append({
            'level': message.record['level'].name,
            'message': message.record['message'],
            'fields': message.record['extra'],
            'exception': type(message.record['exception'].value).__name__ if message.record['exception'] else None,
        }),
        level='DEBUG',
    )
else:
    import structlog

    def capture(_logger, method, event):
        received.append({
            'level': method,
            'message': event.pop('event'),
            'exception': type(event.pop('exc_info')[1]).__name__ if event.get('exc_info') else None,
            'fields': event,
        })
        raise structlog.DropEvent

    structlog.configure(processors=[structlog.processors.add_log_level, capture])

kit = importlib.import_module(package)
try:
    raise ConnectionRefusedError('postgres://app:hunter2@db/orders refused')
except ConnectionRefusedError as error:
    with kit.request_context(request_id='req-7', user_id='u-1'):
        kit.report_error(error, operation='sync_orders', api_key='sk-live-123', attempt=2)
print(json.dumps(received, default=str))
