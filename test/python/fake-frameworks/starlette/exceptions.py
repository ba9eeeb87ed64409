from typing import Any, Mapping, Optional


class HTTPException(Exception):
    def __init__(self, status_code: int, detail: Any = None, headers: Optional[Mapping[str, str]] = None) -> None:
        super().__init__(f'{status_code}: {detail}')
        self.status_code = status_code
        self.detail = detail
        self.headers = headers
