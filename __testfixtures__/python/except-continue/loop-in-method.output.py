import csv

from app.errors import report_error
from app.models import Row


class Importer:
    def rows(self, handle):
        for record in csv.reader(handle):
            try:
                yield Row.parse(record)
            except Exception as err:
                report_error(err, operation="Importer.rows")
                continue
