import logging
import sys

log = logging.getLogger(__name__)


class Poller:
	def poll(self, attempt):
		try:
			self.fetch()
		except OSError:
			print('retrying after', attempt, 'attempts', file=sys.stderr)
