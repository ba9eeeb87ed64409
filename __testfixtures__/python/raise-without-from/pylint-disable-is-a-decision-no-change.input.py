try:
    step()
except ValueError:
    raise StepFailed()  # pylint: disable=raise-missing-from
