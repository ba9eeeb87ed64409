try:
    step()
except ValueError as exc:
    raise StepFailed() from exc.__cause__
