"""The one way to run work outside a keypress (issue 12.4): workers that post typed messages.

Slow work (loading the case list, a backup, an export, a CSV import, unlocking, destroying by
retention) runs in a thread::

    @workers.message
    class RowsLoaded(Message):
        rows: list[CaseRow]

    @workers.thread_worker(group="caselist", title="Casussen laden mislukt")
    def _load_rows(self) -> RowsLoaded:
        return self.RowsLoaded(case_list.load_rows())   # inside this thread's own connection

The decorated method runs in a Textual thread worker (`exit_on_error=False`) inside
`thread_connection()`; the `Message` it returns is posted to the screen (or widget, or app) that
started it, whose handler updates the screen on the UI thread. Nothing else crosses threads: no
`call_from_thread`, no `Worker.StateChanged`. What the user must be told about a failure the
method turns into its result message (an unlock's wrong passphrase, a CSV file's problems);
whatever escapes it is posted as `WorkerFailed`, which bubbles from the node to the app: the
screen may undo its "busy" state in `on_worker_failed` (never stopping the message), and the
app's one handler (`ZvhApp.on_worker_failed`) shows a `ZvhError` as its message and anything
else as a notification with an error id (the log gets the id and the frames, no client data:
core/crash.py). The session, the screen and what is typed on it stay.

Work that asks questions in dialogs (`await push_screen_wait(...)`) runs on the UI thread in a
`dialog_worker`, with the same failure route.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any, Concatenate, ParamSpec, TypeVar

from textual.app import App
from textual.dom import DOMNode
from textual.message import Message
from textual.worker import Worker

from zvh_tui.core.i18n import N_
from zvh_tui.services.shared.session import thread_connection

P = ParamSpec("P")
N = TypeVar("N", bound=DOMNode)
M = TypeVar("M", bound=type[Message])

DEFAULT_TITLE = N_("Niet gelukt")  # translated where it is shown (tr())


def message(cls: M) -> M:
    """A typed worker message: a dataclass `Message` whose fields are the result. Its repr names
    no field (they may hold client data, and Textual's devtools log messages); equal only to
    itself, as a message is."""
    return dataclass(repr=False, eq=False)(cls)


@message
class WorkerFailed(Message):
    """A worker ended with an error it did not turn into a result: posted to the node that
    started it, bubbling to the app, which tells the user (`ZvhApp.on_worker_failed`)."""

    error: BaseException
    group: str  # the worker's group: which work failed, for the screen's own clean-up
    # Marked N_() where the worker is declared, translated where shown (tr()): short, what did
    # not happen ("Back-up mislukt"), and what the user can do ("Druk r om het opnieuw te proberen.")
    title: str = DEFAULT_TITLE
    hint: str = ""


def post(node: DOMNode, app: App[Any], result: Message | None) -> None:
    """Post a worker's message to its node, from any thread. A result whose node has gone
    meanwhile (a lock threw the screen away) is dropped; a failure then goes to the app, so it
    is still logged and told. Nothing when the app itself has stopped."""
    if result is None:
        return
    try:
        if not node.post_message(result) and isinstance(result, WorkerFailed) and node is not app:
            app.post_message(result)
    except RuntimeError:  # the event loop has closed: the app has stopped
        pass


def thread_worker(
    *, group: str, title: str = DEFAULT_TITLE, hint: str = "", exclusive: bool = True,
    database: bool = True,
) -> Callable[[Callable[Concatenate[N, P], Message | None]], Callable[Concatenate[N, P], Worker[None]]]:
    """Run the decorated method in a thread worker and post the message it returns.

    `group`: the worker group (with `exclusive`, a new start cancels the running one; its thread
    still finishes, and its message is still posted). `title`: the heading of the failure
    notice, `hint`: what the user can do then. `database=False` for work that opens the
    database itself (unlocking)."""

    def decorator(
        method: Callable[Concatenate[N, P], Message | None],
    ) -> Callable[Concatenate[N, P], Worker[None]]:
        @functools.wraps(method)
        def start(node: N, *args: P.args, **kwargs: P.kwargs) -> Worker[None]:
            app = node.app

            def job() -> None:
                try:
                    if database:
                        with thread_connection():
                            result = method(node, *args, **kwargs)
                    else:
                        result = method(node, *args, **kwargs)
                except Exception as error:  # told by the app, never a crash
                    result = WorkerFailed(error, group, title, hint)
                post(node, app, result)

            # The description is the method's name only: Textual's default lists the
            # arguments, which may hold client data or a passphrase.
            return node.run_worker(job, name=method.__name__, group=group,
                                   description=method.__name__, exclusive=exclusive,
                                   exit_on_error=False, thread=True)

        return start

    return decorator


def dialog_worker(
    *, group: str, title: str = DEFAULT_TITLE, hint: str = "", exclusive: bool = True
) -> Callable[[Callable[Concatenate[N, P], Coroutine[Any, Any, None]]],
              Callable[Concatenate[N, P], Worker[None]]]:
    """Run the decorated coroutine method in a worker on the UI thread (for work that awaits
    dialogs); an error it lets escape goes the way of a thread worker's (`WorkerFailed`)."""

    def decorator(
        method: Callable[Concatenate[N, P], Coroutine[Any, Any, None]],
    ) -> Callable[Concatenate[N, P], Worker[None]]:
        @functools.wraps(method)
        def start(node: N, *args: P.args, **kwargs: P.kwargs) -> Worker[None]:
            app = node.app

            async def job() -> None:
                try:
                    await method(node, *args, **kwargs)
                except Exception as error:  # told by the app, never a crash
                    post(node, app, WorkerFailed(error, group, title, hint))

            return node.run_worker(job, name=method.__name__, group=group,
                                   description=method.__name__, exclusive=exclusive,
                                   exit_on_error=False)

        return start

    return decorator
