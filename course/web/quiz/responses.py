"""Read a trainee's answers from submitted form fields into the grader's response shapes."""

from __future__ import annotations

from collections.abc import Callable

MAX_TEXT = 20_000


def field_name(item_id: int, part: str | None = None) -> str:
    """The form field that carries an answer (or one matching subquestion)."""
    return f"q{item_id}" if part is None else f"q{item_id}_{part}"


def read_response(
    qtype: str,
    item_id: int,
    get: Callable[[str], str | None],
    get_list: Callable[[str], list[str]],
    subquestion_ids: list[str],
):
    """The response for one question, or None when the form says nothing about it."""
    name = field_name(item_id)
    if qtype == "multi":
        if get(f"{name}__present") is None and not get_list(name):
            return None
        return sorted(set(get_list(name)))
    if qtype == "matching":
        pairs = {sub: get(field_name(item_id, sub)) for sub in subquestion_ids}
        pairs = {sub: value for sub, value in pairs.items() if value}
        return pairs if pairs or get(f"{name}__present") is not None else None
    value = get(name)
    if value is None:
        return None
    if qtype == "truefalse":
        return {"true": True, "false": False}.get(value)
    return value[:MAX_TEXT]


def describe_response(qtype: str, response, view: dict) -> str:
    """The trainee's answer in words, for review pages and exports."""
    if response is None or response == "" or response == [] or response == {}:
        return "(no answer)"
    if qtype in ("single", "multi"):
        texts = {o["id"]: o["text"] for o in view.get("options", [])}
        ids = response if isinstance(response, list) else [response]
        return "; ".join(texts.get(i, i) for i in ids)
    if qtype == "truefalse":
        return "True" if response else "False"
    if qtype == "matching":
        subs = {s["id"]: s["text"] for s in view.get("subquestions", [])}
        choices = {c["id"]: c["text"] for c in view.get("choices", [])}
        return "; ".join(f"{subs.get(k, k)} → {choices.get(v, v)}" for k, v in response.items())
    return str(response)
