try:
    step()
except:
    raise StepFailed()
