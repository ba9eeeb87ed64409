"""Serves requests through the generated FastAPI adapter with FastAPI's own TestClient; prints the
responses and the log lines as JSON.

Usage: python fastapi_requests.py <kit package, e.g. myapp.errors>
"""
import importlib
import io
import json
import logging
import sys

kit = importlib.import_module(sys.argv[1])
adapter = importlib.import_module(f'{sys.argv[1]}.http.fastapi')

from fastapi import FastAPI  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from pydantic import BaseModel  # noqa: E402

logs = io.StringIO()
root = logging.getLogger()
root.addHandler(kit.create_json_handler(logs))
root.setLevel(logging.INFO)

app = FastAPI()
adapter.install_error_handlers(app)


class Signup(BaseModel):
    email: str
    age: int


@app.get('/boom')
async def boom():
    raise RuntimeError("SELECT * FROM users WHERE password = 'hunter2'")


@app.get('/users/{user_id}')
async def missing_user(user_id: int):
    raise kit.ERROR_CLASSES['NOT_FOUND'](f'User {user_id} not found')


@app.post('/signup')
async def signup(body: Signup):
    return {'email': body.email}


@app.get('/ok')
async def ok():
    kit.logger.info('inside the route')
    return {'ok': True}


@app.get('/sync-ok')
def sync_ok():
    # FastAPI runs plain functions in a worker thread: the request context must follow.
    kit.logger.info('inside the sync route')
    return {'ok': True}


# The server error layer answers unhandled exceptions and then re-raises them to the server; the
# test client would pass them on to the caller unless told not to.
client = TestClient(app, raise_server_exceptions=False)
requests = [
    ('GET', '/boom', {'x-request-id': 'req-boom'}, None),
    ('GET', '/users/42', {}, None),
    ('POST', '/signup', {'x-request-id': 'req-signup'}, {'age': 'old'}),
    ('GET', '/nowhere', {'x-request-id': 'bad id with spaces'}, None),
    ('GET', '/ok', {'x-request-id': 'req-ok'}, None),
    ('GET', '/sync-ok', {'x-request-id': 'req-sync'}, None),
]
responses = {}
for method, path, headers, body in requests:
    response = client.request(method, path, headers=headers, json=body)
    responses[path] = {
        'status': response.status_code,
        'headers': {name.lower(): value for name, value in response.headers.items()},
        'body': response.json(),
    }
print(json.dumps({
    'responses': responses,
    'logs': [json.loads(line) for line in logs.getvalue().splitlines()],
    'context_after': kit.get_context(),
}))
