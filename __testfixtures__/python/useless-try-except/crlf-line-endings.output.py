def go():
    step()

    step()
