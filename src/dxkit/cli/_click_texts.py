"""The one module that reaches into Typer's internals: for the texts of Click that dxkit replaces.

Typer 0.29 carries its own copy of Click (``typer._click``) and, with it, English texts that no
public setting translates: the help option's ``Show this message and exit.``, ``[required]``,
``[default: …]``, ``<bool>``, the panel titles ``Arguments``/``Options``/``Commands``, ``Usage:``,
``Try 'dxkit status -h' for help.``, and every usage error (``No such option: --formt``,
``Got unexpected extra argument(s) (b)``, and pydantic's ``Input should be a valid integer`` from
Typer's coercion). Typer's ``rich_utils`` reads its texts once, at import, and Click's gettext
markers would need a compiled catalogue per language; neither can follow ``DXKIT_LANG``. So
dxkit replaces the texts instead, through the overrides Click offers to every command class
(``format_help``, ``format_usage``, ``parse_args``, ``resolve_command``, ``main``), and this
module supplies what those overrides need:

* :func:`page` reads a command's facts for :mod:`dxkit.cli._help` (names, choices and the
  value type through Typer's ``type_descriptor``, ``min``/``max``, defaults);
* :func:`describe` turns a usage error into a :class:`UsageProblem` from its structured data
  (its class, the parameter, the option name, the bad value and the error type pydantic
  gives, Click's "possibilities"), never from its English text;
* three errors that Click raises as a bare ``UsageError`` holding only English text
  (unexpected extra arguments, no such command, no command at all) are raised first, with
  their data, by :func:`refuse_extra_arguments`, :func:`refuse_unknown_command` and
  :func:`require_command`.

It also coerces the values of a command line without pydantic (:func:`install_quick_coercion`):
Typer builds a pydantic ``TypeAdapter`` for every parameter it parses, and importing pydantic
and building those adapters took longer than the whole of ``dxkit validate`` on a small
consortium. The values whose coercion is certain (text as text, a plain integer, a choice, a
path) are coerced here; anything else, and every value that is wrong, goes to Typer's own
coercion, so that the errors (and :func:`describe`'s reading of them) stay Typer's.

Nothing else in dxkit imports ``typer._click`` or reads Typer's private attributes.
:func:`missing_hooks` lists what this module relies on that a Typer upgrade has removed; a
test fails loudly on it (``tests/cli/test_help_language.py``).
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from difflib import get_close_matches
from enum import Enum
from functools import cached_property
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import typer
from typer import _coercion, _param_types
from typer._click import exceptions as click_errors
from typer._click.core import Context as ClickContext
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from dxkit.cli._help import Page, Param

#: What the command line catches to show as a usage error (``typer.Abort`` is a prompt given up).
CLICK_ERRORS: tuple[type[BaseException], ...] = (click_errors.ClickException, typer.Abort)

ProblemKind = Literal[
    "bad_choice",
    "not_integer",
    "out_of_range",
    "bad_value",
    "invalid",
    "missing_argument",
    "missing_option",
    "missing_value",
    "takes_no_value",
    "no_such_option",
    "extra_arguments",
    "no_such_command",
    "missing_command",
    "help",
    "aborted",
    "other",
]


@dataclass(frozen=True)
class UsageProblem:
    """A usage error as data: what went wrong, with which parameter and value, and where."""

    kind: ProblemKind
    page: Page | None = None  # the command whose usage line goes with the message
    param: Param | None = None
    option: str | None = None  # the option's name as it was typed, when Click knows it
    value: str | None = None
    candidates: tuple[str, ...] = ()  # "did you mean"
    arguments: tuple[str, ...] = ()  # unexpected extra arguments
    help_page: str | None = None  # for "no arguments: show the help"


class ExtraArguments(click_errors.UsageError):
    """More arguments than the command takes (Click says ``Got unexpected extra argument(s)``)."""

    def __init__(self, ctx: Any, arguments: Sequence[str]) -> None:
        super().__init__("unexpected extra arguments", ctx)
        self.arguments = tuple(arguments)


class UnknownCommand(click_errors.UsageError):
    """A command name the group does not have (Click says ``No such command``)."""

    def __init__(self, ctx: Any, name: str, candidates: Sequence[str]) -> None:
        super().__init__("no such command", ctx)
        self.name = name
        self.candidates = tuple(candidates)


class MissingCommand(click_errors.UsageError):
    """A group given options but no command (Click says ``Missing command.``)."""

    def __init__(self, ctx: Any) -> None:
        super().__init__("missing command", ctx)


@contextmanager
def pinned_to(ctx: Any) -> Iterator[None]:
    """Give a usage error raised while parsing ``ctx``'s arguments that context.

    Click's parser raises "option requires an argument" without one, so the message could not
    show the command's usage line.
    """
    try:
        yield
    except click_errors.UsageError as err:
        if err.ctx is None:
            err.ctx = ctx
            err.cmd = ctx.command
        raise


def refuse_extra_arguments(ctx: Any, rest: Sequence[str]) -> None:
    """Raise :class:`ExtraArguments` when a command was given arguments it has no place for.

    The command classes set ``allow_extra_args`` so that Click leaves the check to this.
    """
    if rest and not ctx.resilient_parsing:
        raise ExtraArguments(ctx, rest)


def _visible_commands(group: TyperGroup, ctx: Any) -> list[str]:
    names = []
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command is not None and not command.hidden:
            names.append(name)
    return names


def refuse_unknown_command(group: TyperGroup, ctx: Any, args: Sequence[str]) -> None:
    """Raise :class:`UnknownCommand` (with close names) for a name the group does not have.

    An argument that looks like an option is left to Click, which reports it as an option.
    """
    if not args or ctx.resilient_parsing or args[0].startswith("-"):
        return
    name = args[0]
    if group.get_command(ctx, name) is not None:
        return
    if ctx.token_normalize_func is not None and group.get_command(ctx, ctx.token_normalize_func(name)) is not None:
        return
    raise UnknownCommand(ctx, name, get_close_matches(name, _visible_commands(group, ctx)))


def require_command(group: TyperGroup, ctx: Any) -> None:
    """Raise :class:`MissingCommand` when a group was given options but no command."""
    if not ctx._protected_args and not group.invoke_without_command and not ctx.resilient_parsing:
        raise MissingCommand(ctx)


def _value_type(annotation: Any) -> type | None:
    if get_origin(annotation) in (list, tuple):
        args = get_args(annotation)
        annotation = args[0] if args else None
    return annotation if isinstance(annotation, type) else None


def _choices(param: Any) -> tuple[str, ...]:
    descriptor = getattr(param, "type_descriptor", None)
    choices = getattr(descriptor, "choices", None) or ()
    return tuple(str(c.value if isinstance(c, Enum) else c) for c in choices)


def _default(param: Any, ctx: Any) -> str | None:
    """The default as a person types it, or None when there is nothing worth showing."""
    show = getattr(param, "show_default", False)
    if isinstance(show, str):
        return show
    if not show:
        return None
    value = param.get_default(ctx, call=False)
    if value is None or callable(value):
        return None
    if getattr(param, "is_flag", False):
        if param.secondary_opts:
            return str(_long(param.opts) if value else _long(param.secondary_opts))
        return None
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, list | tuple):
        return ", ".join(str(v.value if isinstance(v, Enum) else v) for v in value) or None
    return str(value) or None


def _long(names: Sequence[str]) -> str:
    return next((n for n in names if n.startswith("--")), names[0] if names else "")


def _short_first(names: Sequence[str]) -> tuple[str, ...]:
    return tuple(sorted(names, key=lambda n: n.startswith("--")))


def param_facts(param: Any, ctx: Any) -> Param:
    """What a help page or a message needs to know about one Click parameter."""
    descriptor = getattr(param, "type_descriptor", None)
    is_option = isinstance(param, TyperOption)
    help_option = ctx.command.get_help_option(ctx) if ctx is not None else None
    flag = bool(getattr(param, "is_flag", False) or getattr(param, "count", False))
    return Param(
        kind="option" if is_option else "argument",
        name=param.name or "",
        opts=_short_first(param.opts) if is_option else (),
        secondary_opts=tuple(param.secondary_opts) if is_option else (),
        takes_value=not flag,
        choices=_choices(param),
        metavar=param.metavar,
        value_type=_value_type(getattr(descriptor, "annotation", None)),
        help=inspect.cleandoc(getattr(param, "help", None) or ""),
        is_help_option=param is help_option,
        required=bool(param.required),
        repeats=param.nargs == -1,
        default=None if param is help_option else _default(param, ctx),
        minimum=getattr(param, "min", None),
        maximum=getattr(param, "max", None),
        hidden=bool(getattr(param, "hidden", False)),
    )


def page(command: Any, ctx: Any) -> Page:
    """The facts of ``command``'s help page, as seen in ``ctx``."""
    help_option = command.get_help_option(ctx)
    commands: list[tuple[str, str]] = []
    if isinstance(command, TyperGroup):
        for name in _visible_commands(command, ctx):
            sub = command.get_command(ctx, name)
            commands.append((name, inspect.cleandoc(sub.help or "") if sub is not None else ""))
    return Page(
        path=ctx.command_path,
        help=inspect.cleandoc(command.help or "").partition("\f")[0],
        params=tuple(param_facts(p, ctx) for p in command.get_params(ctx)),
        commands=tuple(commands),
        is_group=isinstance(command, TyperGroup),
        help_option=ctx.help_option_names[0] if help_option is not None else "",
    )


def _option_names(ctx: Any) -> list[str]:
    return [name for p in ctx.command.get_params(ctx) for name in (*p.opts, *p.secondary_opts) if name[:1] == "-"]


def _option_named(ctx: Any, name: str) -> Any | None:
    return next((p for p in ctx.command.get_params(ctx) if name in (*p.opts, *p.secondary_opts)), None)


def _pydantic_error(err: BaseException) -> dict[str, Any]:
    """The first error pydantic reported for a value Typer could not coerce (empty when none)."""
    cause = err.__cause__
    errors = getattr(cause, "errors", None)
    if not callable(errors):
        return {}
    found = errors()
    return dict(found[0]) if found else {}


_NOT_INTEGER = frozenset({"int_parsing", "int_from_float", "int_type"})
_OUT_OF_RANGE = frozenset({"greater_than", "greater_than_equal", "less_than", "less_than_equal"})


def _bad_parameter(err: click_errors.BadParameter, ctx: Any, where: Page | None) -> UsageProblem:
    param = param_facts(err.param, ctx) if err.param is not None else None
    detail = _pydantic_error(err)
    value = detail.get("input")
    value = None if value is None else str(value)
    kind: ProblemKind = "invalid"
    if param is not None and value is not None:
        if param.choices:
            kind = "bad_choice"
        elif detail.get("type") in _NOT_INTEGER:
            kind = "not_integer"
        elif detail.get("type") in _OUT_OF_RANGE:
            kind = "out_of_range"
        else:
            kind = "bad_value"
    return UsageProblem(kind, page=where, param=param, value=value)


def describe(err: BaseException) -> UsageProblem:
    """A usage error (or a prompt given up) as a :class:`UsageProblem`."""
    if isinstance(err, typer.Abort):
        return UsageProblem("aborted")
    ctx: Any = getattr(err, "ctx", None)
    where = page(ctx.command, ctx) if isinstance(ctx, ClickContext) else None
    if isinstance(err, click_errors.NoArgsIsHelpError):
        return UsageProblem("help", page=where, help_page=ctx.get_help() if ctx is not None else "")
    if isinstance(err, ExtraArguments):
        return UsageProblem("extra_arguments", page=where, arguments=err.arguments)
    if isinstance(err, UnknownCommand):
        return UsageProblem("no_such_command", page=where, value=err.name, candidates=err.candidates)
    if isinstance(err, MissingCommand):
        return UsageProblem("missing_command", page=where)
    if isinstance(err, click_errors.NoSuchOption):
        known = _option_names(ctx) if where is not None else []
        candidates = tuple(err.possibilities or get_close_matches(err.option_name, known))
        return UsageProblem("no_such_option", page=where, option=err.option_name, candidates=candidates)
    if isinstance(err, click_errors.BadOptionUsage):
        option = _option_named(ctx, err.option_name) if where is not None else None
        facts = param_facts(option, ctx) if option is not None else None
        takes_value = facts is None or facts.takes_value
        kind: ProblemKind = "missing_value" if takes_value else "takes_no_value"
        return UsageProblem(kind, page=where, param=facts, option=err.option_name)
    if isinstance(err, click_errors.MissingParameter):
        facts = param_facts(err.param, ctx) if err.param is not None else None
        missing: ProblemKind = (
            "missing_argument" if facts is not None and facts.kind == "argument" else "missing_option"
        )
        return UsageProblem(missing, page=where, param=facts)
    if isinstance(err, click_errors.BadParameter):
        return _bad_parameter(err, ctx, where)
    return UsageProblem("other", page=where)


#: An integer as a person types one, that every integer coercion reads the same way.
_PLAIN_INT = re.compile(r"0|-?[1-9][0-9]{0,17}")


class _NotQuick(Exception):
    """A value whose coercion is left to Typer."""


def _quick_value(annotation: Any, info: Any, value: Any, param: Any, ctx: Any) -> Any:
    """``value`` coerced to ``annotation`` as Typer would, or :class:`_NotQuick`.

    Only a value whose result is certain is coerced here; a value Typer would refuse never is,
    so every usage error still comes from Typer (with pydantic's error type for :func:`describe`).
    """
    if info.parser is not None:
        raise _NotQuick
    if get_origin(annotation) is list:
        (item,) = get_args(annotation)
        if not isinstance(value, list | tuple):
            raise _NotQuick
        return [_quick_value(item, info, v, param, ctx) for v in value]
    choices = _param_types.choice_coercion_annotation(annotation, info)
    if choices is not None:
        try:
            return _param_types.coerce_cli_choice(value, choices=choices[0], case_sensitive=choices[1], ctx=ctx)
        except ValueError:
            raise _NotQuick from None
    if annotation is str and type(value) is str:
        return value
    if annotation is bool and type(value) is bool:
        return value
    if annotation is int and not info.clamp:
        if type(value) is str and _PLAIN_INT.fullmatch(value):
            value = int(value)
        if type(value) is int and (info.min is None or value >= info.min) and (info.max is None or value <= info.max):
            return value
        raise _NotQuick
    if isinstance(annotation, type) and issubclass(annotation, Path) and info.path_type is None:
        if type(value) is str and value and "\x00" not in value:
            value = annotation(value)
        if isinstance(value, annotation):
            try:
                return _param_types.coerce_cli_path(value, info, path_type=annotation, param=param, ctx=ctx)
            except click_errors.BadParameter:
                raise
            except Exception:
                raise _NotQuick from None
    raise _NotQuick


@dataclass(frozen=True)
class _QuickParam(_coercion.RuntimeParam):
    """Coercion of one parameter: :func:`_quick_value`, else Typer's own, built when first needed."""

    descriptor: _coercion.TypeDescriptor

    @cached_property
    def typer_param(self) -> _coercion.RuntimeParam:
        return _coercion.build_runtime_param(self.descriptor)

    def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
        try:
            return _quick_value(self.annotation, self.parameter_info, value, param, ctx)
        except _NotQuick:
            return self.typer_param._coerce_value(value, param=param, ctx=ctx)


def install_quick_coercion(command: Any, ctx: Any) -> None:
    """Coerce ``command``'s parameters with :class:`_QuickParam` (called before it parses)."""
    for param in command.get_params(ctx):
        if not isinstance(param, TyperOption | TyperArgument) or param._runtime_param is not None:
            continue
        descriptor = param.type_descriptor
        if descriptor.file_annotation is None:
            param._runtime_param = _QuickParam(
                parameter_info=descriptor.parameter_info, annotation=descriptor.annotation, descriptor=descriptor
            )


def _commands(command: Any, ctx: Any) -> Iterator[tuple[Any, Any]]:
    yield command, ctx
    if isinstance(command, TyperGroup):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None:
                yield from _commands(sub, ClickContext(sub, info_name=name, parent=ctx))


_EXCEPTIONS = ("ClickException", "UsageError", "BadParameter", "MissingParameter", "NoSuchOption", "BadOptionUsage")
_PARAM_FIELDS = (
    *("type_descriptor", "_runtime_param", "min", "max", "metavar"),
    *("show_default", "help", "hidden", "required", "nargs"),
)
_OPTION_FIELDS = ("opts", "secondary_opts", "is_flag")


def missing_hooks(root: Any) -> list[str]:
    """What this module relies on in Typer that an upgrade has taken away (empty while all is there).

    ``root`` is the command line's root command, so that its real parameters are checked too.
    """
    missing = [
        f"typer._click.exceptions.{n}" for n in (*_EXCEPTIONS, "NoArgsIsHelpError") if not hasattr(click_errors, n)
    ]
    if missing:
        return missing
    probes: tuple[tuple[BaseException, tuple[str, ...]], ...] = (
        (click_errors.NoSuchOption("--x", possibilities=["--y"]), ("option_name", "possibilities", "ctx")),
        (click_errors.BadOptionUsage("--x", "m"), ("option_name", "ctx")),
        (click_errors.MissingParameter(), ("param", "ctx")),
        (click_errors.BadParameter("m"), ("param", "ctx")),
    )
    for probe, attributes in probes:
        missing += [f"{type(probe).__name__}.{a}" for a in attributes if not hasattr(probe, a)]
    for cls, methods in (
        (TyperCommand, ("format_help", "format_usage", "parse_args", "get_help_option", "get_params", "main")),
        (TyperGroup, ("format_help", "format_usage", "parse_args", "resolve_command", "list_commands", "main")),
    ):
        missing += [f"{cls.__name__}.{m}" for m in methods if not callable(getattr(cls, m, None))]
    ctx = ClickContext(root, info_name="dxkit")
    for attribute in ("_protected_args", "help_option_names", "resilient_parsing", "token_normalize_func"):
        if not hasattr(ctx, attribute):
            missing.append(f"Context.{attribute}")
    for module, names in (
        (_coercion, ("RuntimeParam", "TypeDescriptor", "build_runtime_param")),
        (_param_types, ("choice_coercion_annotation", "coerce_cli_choice", "coerce_cli_path")),
    ):
        missing += [f"{module.__name__}.{n}" for n in names if not hasattr(module, n)]
    if not hasattr(root, "invoke_without_command"):
        missing.append("TyperGroup.invoke_without_command")
    for command, command_ctx in _commands(root, ctx):
        for param in command.get_params(command_ctx):
            where = f"{command_ctx.command_path} {param.name}"
            if not isinstance(param, TyperOption | TyperArgument):
                missing.append(f"{where}: neither a TyperOption nor a TyperArgument")
            descriptor = getattr(param, "type_descriptor", None)
            missing += [
                f"{where}: type_descriptor.{a}"
                for a in ("annotation", "choices", "parameter_info", "file_annotation")
                if not hasattr(descriptor, a)
            ]
            fields = (*_PARAM_FIELDS, *_OPTION_FIELDS) if isinstance(param, TyperOption) else _PARAM_FIELDS
            missing += [f"{where}: {a}" for a in fields if not hasattr(param, a)]
    return missing
