"""A child process for the kill -9 tests: real service operations, an acknowledgement per commit.

Usage: python child_ops.py MODE DATA_DIR RUN   (the raw key comes in ZVH_TEST_KEY, not argv)

- work:   create cases, journal entries and plan actions forever; after each committed change
          print `ACK <kind> <id> <text>` (the change is acknowledged to "the user" only then).
- backup: make verified backups forever; print `BACKUP <file name>` after each.
- hold:   take the profile and wait; print `HOLDING` (or `REFUSED <message>` if it is taken).
- wal:    make one case named RUN and die at once with os._exit (as kill -9 would): what it
          committed is only in zvh.db-wal. Prints `ACK case <id>` first.
- restore: restore the backup file RUN (passphrase in ZVH_TEST_PASSPHRASE) and die with
          os._exit(9) at restore step ZVH_KILL_AT (services/safety/backup.py, RESTORE_STEPS);
          ZVH_NO_CHECKPOINT=1 skips the checkpoint, so the WAL must be kept as a set.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def main() -> int:
    mode, data_dir, run = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    from zvh_tui.core.errors import ZvhError
    from zvh_tui.services.cases import journal
    from zvh_tui.services.cases import lifecycle as cases
    from zvh_tui.services.plans import versions as plans
    from zvh_tui.services.safety import backup
    from zvh_tui.services.safety.profile import Profile
    from zvh_tui.services.shared import context

    profile = Profile.from_dir(data_dir)
    if mode == "hold":
        try:
            profile.acquire()
        except ZvhError as error:
            print(f"REFUSED {error}", flush=True)
            return 3
        print("HOLDING", flush=True)
        time.sleep(60)
        return 0
    if mode == "restore":
        stop_at = os.environ.get("ZVH_KILL_AT", "")
        backup._step_hook = lambda step: os._exit(9) if step == stop_at else None
        if os.environ.get("ZVH_NO_CHECKPOINT"):  # as if the database did not open with the key
            backup._checkpoint = lambda *args: False
        context.set_actor(context.Actor(user="kind-proces"))
        backup.restore(profile, Path(run), os.environ["ZVH_TEST_PASSPHRASE"])
        print("RESTORED", flush=True)
        os._exit(0)
    profile.unlock_with_key(os.environ["ZVH_TEST_KEY"])
    context.set_actor(context.Actor(user="kind-proces"))
    if mode == "wal":
        case = cases.create_case(
            cases.NewCase(persons=[cases.NewPerson(name=f"Persoon {run}")],
                          referrer_citizen="buurman", reason=f"aanleiding {run}")
        )
        print(f"ACK case {case.id}", flush=True)
        os._exit(0)
    print("READY", flush=True)
    if mode == "backup":
        while True:
            made = backup.make_backup(profile, generations=100)
            print(f"BACKUP {made.info.name}", flush=True)
    i = 0
    while True:
        i += 1
        tag = f"r{run}-{i}"
        case = cases.create_case(
            cases.NewCase(persons=[cases.NewPerson(name=f"Persoon {tag}")],
                          referrer_citizen="buurman", reason=f"aanleiding {tag}")
        )
        print(f"ACK case {case.id} aanleiding {tag}", flush=True)
        entry = journal.add_entry(case, f"journaal {tag}")
        print(f"ACK journal {entry.id} journaal {tag}", flush=True)
        plan = plans.start_plan(case)
        action = plans.add_action(plan, f"actie {tag}")
        print(f"ACK action {action.id} actie {tag}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
