GREETING = "héllo 👋"


def greet(name):
    try:
        return GREETING + name
    except TypeError as err:
        raise BadName(name) from err
