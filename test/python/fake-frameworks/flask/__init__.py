"""A stand-in for Flask: request hooks, routing and error handlers, run in Flask's order."""
from typing import Any, Callable, Dict, List, Optional, Tuple


class HTTPException(Exception):
    code = 500


class NotFound(HTTPException):
    code = 404


class _Headers(dict):
    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        for name, value in self.items():
            if name.lower() == key.lower():
                return value
        return default


class _Request:
    method = ''
    path = ''
    headers: _Headers = _Headers()


class _Globals:
    def pop(self, name: str, default: Any = None) -> Any:
        return self.__dict__.pop(name, default)


request = _Request()
g = _Globals()


class Response:
    def __init__(self, response: Any = None, status: int = 200, headers: Optional[Dict[str, str]] = None) -> None:
        self.data = response
        self.status_code = status
        self.headers = _Headers(headers or {})


class Flask:
    response_class = Response

    def __init__(self, name: str) -> None:
        self.routes: Dict[Tuple[str, str], Callable[[], Any]] = {}
        self.before: List[Callable[[], None]] = []
        self.after: List[Callable[[Response], Response]] = []
        self.teardown: List[Callable[[Optional[BaseException]], None]] = []
        self.error_handlers: Dict[type, Callable[[Exception], Response]] = {}

    def before_request(self, fn: Callable[[], None]) -> Callable[[], None]:
        self.before.append(fn)
        return fn

    def after_request(self, fn: Callable[[Response], Response]) -> Callable[[Response], Response]:
        self.after.append(fn)
        return fn

    def teardown_request(self, fn: Callable[[Optional[BaseException]], None]) -> Callable[[Optional[BaseException]], None]:
        self.teardown.append(fn)
        return fn

    def register_error_handler(self, exc_class: type, fn: Callable[[Exception], Response]) -> None:
        self.error_handlers[exc_class] = fn

    def get(self, path: str) -> Callable[[Callable[[], Any]], Callable[[], Any]]:
        def register(view: Callable[[], Any]) -> Callable[[], Any]:
            self.routes[('GET', path)] = view
            return view
        return register

    def handle(self, method: str, path: str, headers: Dict[str, str]) -> Response:
        # Like Flask's proxies, `request` and `g` stay the same objects and show the current request.
        request.method, request.path, request.headers = method, path, _Headers(headers)
        g.__dict__.clear()
        try:
            try:
                for hook in self.before:
                    hook()
                view = self.routes.get((method, path))
                if view is None:
                    raise NotFound('The requested URL was not found on the server.')
                response = Response(view(), 200, {'content-type': 'application/json'})
            except Exception as error:
                handler = next((self.error_handlers[k] for k in type(error).__mro__ if k in self.error_handlers), None)
                if handler is None:
                    raise
                response = handler(error)
            for hook in self.after:
                response = hook(response)
            return response
        finally:
            for hook in self.teardown:
                hook(None)
