"""The command line described as plain data, for the reference pages.

:func:`describe` walks the real Typer app and its Click commands, groups included, and
returns a :class:`~dxkit.render.reference.CommandDoc` tree: name paths, help ids, arguments,
options with their defaults and choices, subcommands. Help comes as catalogue ids (each help
text is a :class:`~dxkit.cli._common.HelpText`), so the renderer can write every language
from one tree and never needs to import the command line.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Any

import typer
import typer.main
import typer.utils

from dxkit.cli._common import HelpText

if TYPE_CHECKING:
    from dxkit.render.reference import CommandDoc, ParamDoc


def _help_id(*candidates: object) -> str | None:
    """The catalogue id of the first help text that has one."""
    for value in candidates:
        if isinstance(value, HelpText):
            return value.msg_id
    return None


def _default(value: object) -> str | None:
    """A default as a person would type it; nothing for "no value" and for a flag that is off."""
    if value is None or value is False or value == () or value == []:
        return None
    if isinstance(value, Enum):
        value = value.value
    return str(value)


def _choices(param: Any) -> tuple[str, ...]:
    """The values a parameter accepts, when it accepts only some (Typer turns an Enum into a choice)."""
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return tuple(str(member.value) for member in annotation)
    choices = getattr(getattr(param, "type", None), "choices", None) or ()
    return tuple(str(getattr(c, "value", c)) for c in choices)


def _params(callback: Callable[..., Any] | None, click_params: list[Any]) -> tuple[ParamDoc, ...]:
    from dxkit.render.reference import ParamDoc

    infos = typer.utils.get_params_from_function(callback) if callback else {}
    docs = []
    for param in click_params:
        if param.name == "help":
            continue
        info = infos.get(param.name)
        kind = "option" if param.param_type_name == "option" else "argument"
        docs.append(
            ParamDoc(
                name=param.name,
                kind=kind,
                flags=tuple(param.opts + param.secondary_opts) if kind == "option" else (),
                help_id=_help_id(getattr(info.default, "help", None) if info else None),
                default=_default(param.default),
                choices=_choices(param),
                required=bool(param.required),
                multiple=bool(param.multiple or param.nargs == -1),
            )
        )
    return tuple(docs)


def _command(info: Any, command: Any, path: tuple[str, ...]) -> CommandDoc:
    from dxkit.render.reference import CommandDoc

    return CommandDoc(path=path, help_id=_help_id(info.help), params=_params(info.callback, command.params))


def _group(app: typer.Typer, group: Any, path: tuple[str, ...], help_: object = None) -> CommandDoc:
    from dxkit.render.reference import CommandDoc

    callback = app.registered_callback.callback if app.registered_callback else None
    subcommands = []
    for info in app.registered_commands:
        name = info.name or typer.main.get_command_name(info.callback.__name__ if info.callback else "")
        subcommands.append(_command(info, group.commands[name], (*path, name)))
    for sub in app.registered_groups:
        group_name = sub.name if isinstance(sub.name, str) else None
        if sub.typer_instance is None or group_name is None:
            raise TypeError(f"dxkit {' '.join(path)}: every group of commands needs a name")
        subcommands.append(_group(sub.typer_instance, group.commands[group_name], (*path, group_name), sub.help))
    return CommandDoc(
        path=path,
        help_id=_help_id(help_, app.info.help),
        params=_params(callback, group.params),
        subcommands=tuple(subcommands),
    )


def describe(app: typer.Typer | None = None) -> CommandDoc:
    """The whole command tree of ``app`` (by default the ``dxkit`` app)."""
    if app is None:
        from dxkit.cli import app as dxkit_app

        app = dxkit_app
    return _group(app, typer.main.get_command(app), ())
