def fetch(session, url):
    response = session.get(url)
    if response.status_code == 404:
        raise Exception("resource not found")
    return response.json()
