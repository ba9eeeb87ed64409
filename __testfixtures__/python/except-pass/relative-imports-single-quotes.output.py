from __future__ import annotations

import logging

from ..db import session
from ..errors import report_error
from .models import Invoice

log = logging.getLogger(__name__)


def close_invoice(invoice_id):
    invoice = session.get(Invoice, invoice_id)
    try:
        invoice.notify('closed')
    except Exception as err:
        report_error(err, operation='close_invoice')
    invoice.status = 'closed'
    return invoice
