"""A stand-in for FastAPI: routing, middleware and exception handlers, layered as Starlette does."""
import json
from typing import Any, Awaitable, Callable, Dict, List, Tuple

from starlette.exceptions import HTTPException
from starlette.responses import Response


class _URL:
    def __init__(self, path: str) -> None:
        self.path = path


class _Headers:
    def __init__(self, raw: List[Tuple[bytes, bytes]]) -> None:
        self._raw = raw

    def get(self, name: str, default: Any = None) -> Any:
        for key, value in self._raw:
            if key.decode('latin-1').lower() == name.lower():
                return value.decode('latin-1')
        return default


class Request:
    def __init__(self, scope: Dict[str, Any]) -> None:
        self.scope = scope
        self.url = _URL(scope['path'])
        self.method = scope['method']
        self.headers = _Headers(scope['headers'])


def _handler_for(handlers: Dict[Any, Callable[..., Any]], error: BaseException) -> Any:
    for klass in type(error).__mro__:
        if klass in handlers:
            return handlers[klass]
    return None


class FastAPI:
    def __init__(self) -> None:
        self.routes: Dict[Tuple[str, str], Callable[[Request], Awaitable[Any]]] = {}
        self.middleware: List[type] = []
        self.exception_handlers: Dict[Any, Callable[..., Any]] = {}

    def add_middleware(self, middleware_class: type, **options: Any) -> None:
        # Starlette puts the middleware added last outermost.
        self.middleware.insert(0, middleware_class)

    def add_exception_handler(self, exc_class: Any, handler: Callable[..., Any]) -> None:
        self.exception_handlers[exc_class] = handler

    def get(self, path: str) -> Callable[[Callable[[Request], Awaitable[Any]]], Callable[[Request], Awaitable[Any]]]:
        def register(endpoint: Callable[[Request], Awaitable[Any]]) -> Callable[[Request], Awaitable[Any]]:
            self.routes[('GET', path)] = endpoint
            return endpoint
        return register

    async def _router(self, scope: Dict[str, Any], receive: Any, send: Any) -> None:
        request = Request(scope)
        endpoint = self.routes.get((scope['method'], scope['path']))
        if endpoint is None:
            raise HTTPException(404, 'Not Found')
        result = await endpoint(request)
        await Response(json.dumps(result), 200, {'content-type': 'application/json'})(scope, receive, send)

    async def _exception_layer(self, scope: Dict[str, Any], receive: Any, send: Any) -> None:
        # ExceptionMiddleware: handlers for everything but Exception itself, inside the user middleware.
        try:
            await self._router(scope, receive, send)
        except Exception as error:
            handlers = {k: v for k, v in self.exception_handlers.items() if k is not Exception}
            handler = _handler_for(handlers, error)
            if handler is None:
                raise
            await (await handler(Request(scope), error))(scope, receive, send)

    async def __call__(self, scope: Dict[str, Any], receive: Any, send: Any) -> None:
        app: Any = self._exception_layer
        for middleware_class in reversed(self.middleware):
            app = middleware_class(app)
        # ServerErrorMiddleware: outermost; answers with the Exception handler, then re-raises.
        try:
            await app(scope, receive, send)
        except Exception as error:
            handler = self.exception_handlers.get(Exception)
            if handler is None:
                raise
            await (await handler(Request(scope), error))(scope, receive, send)

    async def request(self, method: str, path: str, headers: Dict[str, str]) -> Dict[str, Any]:
        scope = {
            'type': 'http',
            'method': method,
            'path': path,
            'headers': [(k.lower().encode('latin-1'), v.encode('latin-1')) for k, v in headers.items()],
        }
        sent: List[Dict[str, Any]] = []

        async def receive() -> Dict[str, Any]:
            return {'type': 'http.request', 'body': b''}

        async def send(message: Dict[str, Any]) -> None:
            sent.append(message)

        await self(scope, receive, send)
        start = next(m for m in sent if m['type'] == 'http.response.start')
        body = b''.join(m.get('body', b'') for m in sent if m['type'] == 'http.response.body')
        return {
            'status': start['status'],
            'headers': {k.decode('latin-1'): v.decode('latin-1') for k, v in start['headers']},
            'body': json.loads(body.decode('utf-8')),
        }
