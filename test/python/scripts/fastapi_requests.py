"""Serves a few requests through the generated FastAPI adapter; prints responses and log lines as JSON.

Usage: python fastapi_requests.py <kit package, e.g. myapp.errors>
"""
import asyncio
import importlib
import io
import json
import logging
import sys

kit = importlib.import_module(sys.argv[1])
adapter = importlib.import_module(f'{sys.argv[1]}.http.fastapi')

from fastapi import FastAPI  # noqa: E402
from fastapi.exceptions import RequestValidationError  # noqa: E402

logs = io.StringIO()
root = logging.getLogger()
root.addHandler(kit.create_json_handler(logs))
root.setLevel(logging.INFO)

app = FastAPI()
adapter.install_error_handlers(app)


@app.get('/boom')
async def boom(request):
    raise RuntimeError("SELECT * FROM users WHERE password = 'hunter2'")


@app.get('/users/42')
async def missing_user(request):
    raise kit.ERROR_CLASSES['NOT_FOUND']('User 42 not found')


@app.get('/signup')
async def signup(request):
    raise RequestValidationError([{'loc': ('body', 'email'), 'msg': 'field required', 'type': 'missing'}])


@app.get('/ok')
async def ok(request):
    kit.logger.info('inside the route')
    return {'ok': True}


async def main():
    results = {}
    for path, headers in [
        ('/boom', {'x-request-id': 'req-boom'}),
        ('/users/42', {}),
        ('/signup', {'x-request-id': 'req-signup'}),
        ('/nowhere', {'x-request-id': 'bad id with spaces'}),
        ('/ok', {'x-request-id': 'req-ok'}),
    ]:
        results[path] = await app.request('GET', path, headers)
    return results


responses = asyncio.run(main())
print(json.dumps({'responses': responses, 'logs': [json.loads(line) for line in logs.getvalue().splitlines()]}))
