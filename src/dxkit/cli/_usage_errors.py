"""Usage errors in the user's language: a message from the problem's data, the usage line, a hint.

:func:`dxkit.cli._click_texts.describe` reads a usage error into a
:class:`~dxkit.cli._click_texts.UsageProblem`; this module says it, as plain lines on standard
error like every other dxkit error::

    エラー: --lang に「jp」は指定できません。ja、en のいずれかを指定してください。
    使い方: dxkit status [オプション] [<フォルダ>]
    dxkit status -h で説明を表示します。

The language is the one the command line asked for with a valid ``--lang``, else
``DXKIT_LANG``, else Japanese; the exit code comes from :mod:`dxkit.errors`' table.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import get_close_matches

from dxkit.cli._click_texts import UsageProblem
from dxkit.cli._help import Param, argument_name, metavar, usage_lines
from dxkit.cli._output import show, write
from dxkit.errors import UsageError, exit_code_for
from dxkit.escape import terminal_text
from dxkit.i18n import LANGS, resolve_lang, t


def usage_lang(argv: Sequence[str]) -> str:
    """The language of a usage error: the last valid ``--lang`` before ``--``, else the default."""
    chosen: str | None = None
    for number, token in enumerate(argv):
        if token == "--":
            break
        value = None
        if token == "--lang" and number + 1 < len(argv):
            value = argv[number + 1]
        elif token.startswith("--lang="):
            value = token.partition("=")[2]
        if value in LANGS:
            chosen = value
    return resolve_lang(chosen)


def typed_option(param: Param, argv: Sequence[str]) -> str:
    """The name of ``param`` as it was typed (``-f`` or ``--format``), else its long name."""
    names = (*param.opts, *param.secondary_opts)
    for token in argv:
        if token == "--":
            break
        for name in names:
            long = name.startswith("--")
            if token == name or (long and token.startswith(name + "=")):
                return name
            if not long and not token.startswith("--") and token.startswith(name):
                return name
    return next((n for n in names if n.startswith("--")), names[0] if names else param.name)


def _listed(items: Sequence[str], lang: str) -> str:
    return t("cli.usage.list_separator", lang).join(terminal_text(i) for i in items)


def _name(problem: UsageProblem, lang: str, argv: Sequence[str]) -> str:
    """The parameter the message is about: an option by its name, an argument by its placeholder."""
    if problem.option:
        return terminal_text(problem.option)
    param = problem.param
    if param is None:
        return ""
    return argument_name(param, lang) if param.kind == "argument" else typed_option(param, argv)


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def _error(problem: UsageProblem, lang: str, argv: Sequence[str]) -> tuple[UsageError, tuple[str, ...]]:
    """The error to show, and the names to suggest after it ("did you mean")."""
    name = _name(problem, lang, argv)
    value = terminal_text(problem.value) if problem.value is not None else ""
    param = problem.param
    choices = _listed(param.choices, lang) if param is not None else ""
    kind = problem.kind
    if kind == "bad_choice" and param is not None:
        close = tuple(get_close_matches(problem.value or "", param.choices, n=3))
        return UsageError("cli.usage.bad_choice", option=name, value=value, choices=choices), close
    if kind == "not_integer":
        return UsageError("cli.usage.not_integer", option=name, value=value), ()
    if kind == "out_of_range" and param is not None:
        low, high = _number(param.minimum), _number(param.maximum)
        if low and high:
            return UsageError("cli.usage.out_of_range", option=name, value=value, min=low, max=high), ()
        if low:
            return UsageError("cli.usage.too_small", option=name, value=value, min=low), ()
        return UsageError("cli.usage.too_large", option=name, value=value, max=high), ()
    if kind in ("bad_value", "out_of_range"):
        return UsageError("cli.usage.bad_value", option=name, value=value), ()
    if kind == "invalid":
        return UsageError("cli.usage.invalid", option=name), ()
    if kind == "missing_argument":
        if param is not None and param.choices:
            return UsageError("cli.usage.missing_argument_choice", argument=name, choices=choices), ()
        return UsageError("cli.usage.missing_argument", argument=name), ()
    if kind == "missing_option":
        return UsageError("cli.usage.missing_option", option=name), ()
    if kind == "missing_value":
        if param is not None and param.choices:
            return UsageError("cli.usage.missing_value_choice", option=name, choices=choices), ()
        placeholder = metavar(param, lang) if param is not None else t("cli.metavar.text", lang)
        return UsageError("cli.usage.missing_value", option=name, metavar=placeholder), ()
    if kind == "takes_no_value":
        return UsageError("cli.usage.takes_no_value", option=name), ()
    if kind == "no_such_option":
        return UsageError("cli.usage.no_such_option", option=name), problem.candidates
    if kind == "extra_arguments":
        extra = " ".join(terminal_text(a) for a in problem.arguments)
        return UsageError("cli.usage.extra_arguments", arguments=extra), ()
    if kind == "no_such_command":
        return UsageError("cli.usage.no_such_command", command=value), problem.candidates
    if kind == "missing_command" and problem.page is not None:
        commands = _listed([c for c, _ in problem.page.commands], lang)
        return UsageError("cli.usage.missing_command", commands=commands), ()
    if kind == "aborted":
        return UsageError("cli.usage.aborted"), ()
    return UsageError("cli.usage.other"), ()


def message(problem: UsageProblem, lang: str, argv: Sequence[str] = ()) -> str:
    """The one-line message for ``problem`` in ``lang``, with "did you mean" when there is a guess."""
    error, candidates = _error(problem, lang, argv)
    text = error.message(lang)
    if candidates:
        guess = t("cli.usage.did_you_mean", lang, candidates=_listed(candidates, lang))
        return t("cli.usage.with_guess", lang, message=text, guess=guess)
    return text


def report(problem: UsageProblem, argv: Sequence[str]) -> int:
    """Show ``problem`` (the help page, for a command given nothing) and return the exit code."""
    lang = usage_lang(argv)
    error, _ = _error(problem, lang, argv)
    if problem.kind == "help":
        write((problem.help_page or "") + "\n")
        return exit_code_for(error)
    lines = [t("cli.error_prefix", lang) + message(problem, lang, argv)]
    if problem.page is not None:
        lines += usage_lines(problem.page, lang)
        if problem.page.help_option:
            lines.append(t("cli.help.hint", lang, command=problem.page.path, option=problem.page.help_option))
    show("\n".join(lines), err=True)
    return exit_code_for(error)
