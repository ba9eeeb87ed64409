try:
    step()
except ValueError as e:
    raise StepFailed() from e
except KeyError:
    raise StepFailed() from None
