"""A child process for the backup-against-lock race (tests/safety/test_backup_race.py).

Usage: python child_backup_race.py MODE DATA_DIR ROUNDS SEED   (raw key in ZVH_TEST_KEY)

Each round unlocks the profile, starts a backup in a thread as the app's worker does (inside
the database's connection context) and, after a random short moment, locks (MODE `lock`) or
closes (MODE `close`) the profile from the main thread while the backup runs. Closing a SQLite
connection under another thread's feet crashes the process, so the test runs here, in a child:
a segfault is a failed test, not a dead pytest. Prints `ROUND <n> made|interrupted` per round
and `OK <made> <interrupted>` at the end (one more backup is made first, to time one); `PROBLEM <text>` for anything else.
"""

from __future__ import annotations

import os
import random
import sys
import threading
from pathlib import Path


def main() -> int:
    mode, data_dir, rounds, seed = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    from zvh_tui.services.safety.profile import Profile
    from zvh_tui.services.shared import context

    key = os.environ["ZVH_TEST_KEY"]
    profile = Profile.from_dir(data_dir)
    rng = random.Random(seed)
    made = interrupted = 0
    # How long one backup takes here (this machine, now): the locks are spread over that time
    # and a little after, so some land in the copy and some in the last steps (audit, close).
    profile.unlock_with_key(key)
    took = _timed_backup(profile)
    profile.lock()
    print(f"TOOK {took:.3f}", flush=True)
    for n in range(rounds):
        profile.unlock_with_key(key)
        context.set_actor(context.Actor(user="kind-proces"))
        store = profile.store
        assert store is not None
        outcome: list[str] = []
        begun = threading.Event()
        worker = threading.Thread(target=_backup, args=(profile, store, begun, outcome),
                                  name=f"back-up-{n}")
        worker.start()
        begun.wait()
        threading.Event().wait(rng.uniform(0.0, 1.3 * took))  # somewhere in the backup
        if mode == "lock":
            profile.lock()
        else:
            profile.close()
        worker.join(timeout=30)
        if worker.is_alive():
            print("PROBLEM the backup did not stop", flush=True)
            return 2
        print(f"ROUND {n} {outcome[0]}", flush=True)
        if outcome[0].startswith("PROBLEM"):
            return 3
        made += outcome[0] == "made"
        interrupted += outcome[0] == "interrupted"
    print(f"OK {made} {interrupted}", flush=True)
    return 0


def _timed_backup(profile) -> float:
    from zvh_tui.services.safety import backup

    return backup.make_backup(profile, generations=10_000).seconds


def _backup(profile, store, begun: threading.Event, outcome: list[str]) -> None:
    """The app's backup worker (ZvhApp._backup_job): a backup inside the connection context."""
    from zvh_tui.core.errors import StoreClosing
    from zvh_tui.services.safety import backup

    begun.set()
    try:
        with store.database.connection_context():
            backup.make_backup(profile, generations=10_000)
        outcome.append("made")
    except StoreClosing:
        outcome.append("interrupted")
    except BaseException as error:  # reported to the test
        outcome.append(f"PROBLEM {type(error).__name__}")


if __name__ == "__main__":
    sys.exit(main())
