from typing import Any, Dict, List


class RequestValidationError(Exception):
    def __init__(self, errors: List[Dict[str, Any]]) -> None:
        super().__init__(f'{len(errors)} validation errors')
        self._errors = errors

    def errors(self) -> List[Dict[str, Any]]:
        return self._errors
