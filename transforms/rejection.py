"""Why a file cannot become an article."""


class Rejected(ValueError):
    """Raised by a transform when its input cannot be an article; the message is
    the `ingest_log.reason` a person reads, so it names the cause and the evidence."""
