from . import digest_digest
