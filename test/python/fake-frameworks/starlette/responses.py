from typing import Any, Mapping, Optional


class Response:
    def __init__(self, content: Any = None, status_code: int = 200, headers: Optional[Mapping[str, str]] = None,
                 media_type: Optional[str] = None) -> None:
        self.body = content.encode('utf-8') if isinstance(content, str) else (content or b'')
        self.status_code = status_code
        self.raw_headers = [(k.lower().encode('latin-1'), v.encode('latin-1')) for k, v in (headers or {}).items()]
        if media_type and not any(k == b'content-type' for k, _ in self.raw_headers):
            self.raw_headers.append((b'content-type', media_type.encode('latin-1')))

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await send({'type': 'http.response.start', 'status': self.status_code, 'headers': list(self.raw_headers)})
        await send({'type': 'http.response.body', 'body': self.body})
