try:
    step()
except ValueError:
    def fail():
        raise StepFailed()

    callbacks.append(fail)
