def apply(event, state):
    if not isinstance(event, dict):
        raise Exception(f"event {event!r} not found in the registry")
    match event["kind"]:
        case "created":
            return state | {"created": True}
        case _:
            raise Exception("handler not found for this kind")


def step(machine):
    if machine.done:
        raise Exception("this should not happen: record not found")
