from __future__ import annotations

import logging

from ..db import session
from .models import Invoice

log = logging.getLogger(__name__)


def close_invoice(invoice_id):
    invoice = session.get(Invoice, invoice_id)
    try:
        invoice.notify('closed')
    except Exception:
        pass
    invoice.status = 'closed'
    return invoice
