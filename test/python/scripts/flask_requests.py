"""Serves requests through the generated Flask adapter with Flask's own test client; prints the
responses and the log lines as JSON.

Usage: python flask_requests.py <kit package, e.g. myapp.errors>
"""
import importlib
import io
import json
import logging
import sys

kit = importlib.import_module(sys.argv[1])
adapter = importlib.import_module(f'{sys.argv[1]}.http.flask')

from flask import Flask, request  # noqa: E402

logs = io.StringIO()
root = logging.getLogger()
root.addHandler(kit.create_json_handler(logs))
root.setLevel(logging.INFO)

app = Flask(__name__)
adapter.install_error_handlers(app)


@app.get('/boom')
def boom():
    raise RuntimeError("SELECT * FROM users WHERE password = 'hunter2'")


@app.get('/users/<int:user_id>')
def missing_user(user_id):
    raise kit.ERROR_CLASSES['NOT_FOUND'](f'User {user_id} not found')


@app.post('/signup')
def signup():
    # A body that is not JSON makes get_json raise werkzeug's BadRequest.
    body = request.get_json()
    missing = [name for name in ('email', 'age') if name not in body]
    if missing:
        fields = [{'field': name, 'message': 'is required'} for name in missing]
        raise kit.ERROR_CLASSES['VALIDATION_FAILED']('Invalid signup', details={'fields': fields})
    return {'email': body['email']}


@app.get('/ok')
def ok():
    kit.logger.info('inside the view')
    return {'ok': True}


client = app.test_client()
requests = [
    ('GET', '/boom', {'X-Request-Id': 'req-boom'}, {}),
    ('GET', '/users/42', {}, {}),
    ('POST', '/signup', {'x-request-id': 'req-signup'}, {'json': {'age': 30}}),
    ('POST', '/signup-malformed', {}, {}),
    ('GET', '/nowhere', {'x-request-id': 'req-nowhere'}, {}),
    ('GET', '/ok', {'x-request-id': 'req-ok'}, {}),
]
responses = {}
for method, path, headers, extra in requests:
    if path == '/signup-malformed':
        response = client.post('/signup', headers=headers, data='{"email": ', content_type='application/json')
    else:
        response = client.open(path, method=method, headers=headers, **extra)
    responses[path] = {
        'status': response.status_code,
        'headers': {name.lower(): value for name, value in response.headers.items()},
        'body': response.get_json(force=True),
    }
print(json.dumps({
    'responses': responses,
    'logs': [json.loads(line) for line in logs.getvalue().splitlines()],
    'context_after': kit.get_context(),
}))
