"""Serves a few requests through the generated Flask adapter; prints responses and log lines as JSON.

Usage: python flask_requests.py <kit package, e.g. myapp.errors>
"""
import importlib
import io
import json
import logging
import sys

kit = importlib.import_module(sys.argv[1])
adapter = importlib.import_module(f'{sys.argv[1]}.http.flask')

from flask import Flask  # noqa: E402

logs = io.StringIO()
root = logging.getLogger()
root.addHandler(kit.create_json_handler(logs))
root.setLevel(logging.INFO)

app = Flask(__name__)
adapter.install_error_handlers(app)


@app.get('/boom')
def boom():
    raise RuntimeError("SELECT * FROM users WHERE password = 'hunter2'")


@app.get('/users/42')
def missing_user():
    raise kit.ERROR_CLASSES['NOT_FOUND']('User 42 not found')


@app.get('/ok')
def ok():
    kit.logger.info('inside the view')
    return {'ok': True}


responses = {}
for path, headers in [
    ('/boom', {'X-Request-Id': 'req-boom'}),
    ('/users/42', {}),
    ('/nowhere', {'x-request-id': 'req-nowhere'}),
    ('/ok', {'x-request-id': 'req-ok'}),
]:
    response = app.handle('GET', path, headers)
    body = json.loads(response.data) if isinstance(response.data, str) else response.data
    responses[path] = {'status': response.status_code, 'headers': dict(response.headers), 'body': body}
print(json.dumps({
    'responses': responses,
    'logs': [json.loads(line) for line in logs.getvalue().splitlines()],
    'context_after': kit.get_context(),
}))
