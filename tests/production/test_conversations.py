"""The whole conversation suite again, on the production set-up (two Rasa instances).

The test functions are the end-to-end suite's own; collected here, they get
this package's `stack`: PostgreSQL tracker store, Redis lock store, two Rasa.
"""

from __future__ import annotations

import pytest

from tests.e2e.test_advice_conversation import *  # noqa: F403 - the suite itself

# Both modules have a helper named `converse`; each test keeps its own module's.
from tests.e2e.test_funding_conversation import *  # type: ignore[assignment]  # noqa: F403

pytestmark = pytest.mark.slow
