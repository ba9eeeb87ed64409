try:
    step()
except ValueError:
    raise StepFailed()  # noqa: B904
