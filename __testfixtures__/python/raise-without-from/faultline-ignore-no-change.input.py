try:
    step()
except ValueError:
    # faultline-ignore raise-without-from: the parser error would leak the secret
    raise StepFailed()
