from ..db import users
from ..errors import ConflictError
from .schemas import SignUp


def sign_up(form: SignUp):
    if users.exists(email=form.email):
        raise ConflictError('A user with this email already exists')
    return users.create(form)
