"""gunicorn's logs without the keys in private links (see recruitment/log_filters.py): the
access log (request line, referrer) and the error log ("Error handling request <uri>").

Used by gunicorn.conf.py: `logger_class = "recruitment.gunicorn.RedactingLogger"`.
"""

from gunicorn.glogging import Logger

from recruitment.log_filters import RedactSecretsFilter


class RedactingLogger(Logger):
    def setup(self, cfg):
        super().setup(cfg)
        for log in (self.access_log, self.error_log):
            if not any(isinstance(f, RedactSecretsFilter) for f in log.filters):
                log.addFilter(RedactSecretsFilter())
