"""Runs the shared redaction table and one log line through a generated Python kit; prints JSON.

Usage: python3 redaction_table.py <kit package> <cases file>
"""
import importlib
import io
import json
import logging
import re
import sys
import time

package, cases_file = sys.argv[1], sys.argv[2]
logging_config = importlib.import_module(f'{package}.logging_config')
catalog = importlib.import_module(f'{package}.catalog')
context = importlib.import_module(f'{package}.context')
with open(cases_file, encoding='utf-8') as source:
    cases = json.load(source)

keys = [logging_config.redact({case['key']: case['value']})[case['key']] for case in cases['keys']]
texts = [
    {
        'text': logging_config.redact_text(case['text']),
        'message': logging_config.serialize_error(RuntimeError(case['text']))['message'],
    }
    for case in cases['texts']
]

refused = ConnectionRefusedError('connect ECONNREFUSED 10.0.0.5:5432')
for name, value in cases['cause']['fields'].items():
    setattr(refused, name, value)
internal = catalog.ERROR_CLASSES['INTERNAL']('Could not place order', cause=refused)
cause = logging_config.serialize_error(internal)['cause']

stream = io.StringIO()
logger = logging.getLogger('redaction-table')
logger.propagate = False
logger.addHandler(logging_config.create_json_handler(stream))
with context.request_context(request_id='req-1', user_id='user-7', operation='checkout'):
    logger.error('lookup failed', extra={'err': catalog.ERROR_CLASSES['NOT_FOUND']('User 42 not found')})
line = json.loads(stream.getvalue().splitlines()[0])


def elapsed(fn):
    best = float('inf')
    for _ in range(3):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


# Adversarial inputs of 100 KB, each timed against a scan that calls back on every character of it.
ratios = {}
for name, unit in cases['adversarial'].items():
    text = unit * -(-100_000 // len(unit))
    ratios[name] = elapsed(lambda: logging_config.redact_text(text)) / elapsed(
        lambda: re.sub(r'[\s\S]', lambda match: match.group(0), text)
    )

print(json.dumps({'keys': keys, 'texts': texts, 'cause': cause, 'line': line, 'ratios': ratios}))
