"""Access logs without personal data: no client addresses, no conversation ids or codes.

Uvicorn's access log would otherwise keep who (IP address) read which
conversation (the sender id in the path) for as long as the logs live.
"""

from __future__ import annotations

import logging
import re

_IDS_IN_PATHS = re.compile(r"(/(?:conversations|c)/)[^/?\s]+")
_MARK = "leerwijzer_privacy_filter"


class AccessLogPrivacy(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        # Uvicorn's access record: (client_addr, method, full_path, http_version, status).
        if isinstance(args, tuple) and len(args) == 5:
            _client, method, path, version, code = args
            record.args = ("-", method, _IDS_IN_PATHS.sub(r"\1…", str(path)), version, code)
        return True


def install_access_log_privacy() -> None:
    access = logging.getLogger("uvicorn.access")
    if not any(getattr(f, _MARK, False) for f in access.filters):
        privacy = AccessLogPrivacy()
        setattr(privacy, _MARK, True)
        access.addFilter(privacy)
