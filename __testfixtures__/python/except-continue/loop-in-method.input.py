import csv

from app.models import Row


class Importer:
    def rows(self, handle):
        for record in csv.reader(handle):
            try:
                yield Row.parse(record)
            except Exception:
                continue
