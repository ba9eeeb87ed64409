GREETING = "héllo 👋"


def greet(name):
    try:
        return GREETING + name
    except TypeError:
        raise BadName(name)
