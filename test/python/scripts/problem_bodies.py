"""Prints, as JSON, what the generated Python kit answers for every catalog code and a few
special cases; problem-bodies.mjs prints the same for a JavaScript kit, for comparison.

Usage: python problem_bodies.py <kit package, e.g. myapp.errors>
"""
import importlib
import json
import sys

kit = importlib.import_module(sys.argv[1])
CONTEXT = {'instance': '/orders/7', 'request_id': 'req-parity'}


def answer(error):
    status, headers, body = kit.handle_error(error, **CONTEXT)
    return {'status': status, 'headers': headers, 'body': body}


cases = []
for code, error_class in kit.ERROR_CLASSES.items():
    cases.append([f'{code} bare', answer(error_class())])
    cases.append([f'{code} with a message', answer(error_class('Order 7 failed: db at 10.0.0.5'))])
    cases.append([f'{code} with retry-after', answer(error_class('Slow down', retry_after_seconds=12.5))])
    cases.append([f'{code} hidden', answer(error_class('Order 7 failed', expose=False))])
    fields = [{'field': 'email', 'message': 'must be an email address'}, {'field': 'age', 'message': 'must be 18 or more'}]
    cases.append([f'{code} with fields', answer(error_class('Invalid order', details={'fields': fields}))])
cases.append(['foreign error', answer(RuntimeError('ENOENT: /etc/app/secret.key'))])
cases.append(['no instance or request id', {'body': kit.to_problem(kit.ERROR_CLASSES['NOT_FOUND']())}])
print(json.dumps(cases))
