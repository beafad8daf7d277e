"""Related cases: same organisation, same city, shared themes."""

from types import SimpleNamespace

from course.library.related import related_cases


def _case(key, org="", city="", themes=(), kind="lesson", position=0, country="China"):
    return SimpleNamespace(
        kind=kind, key=key, org_name=org, city=city, country=country, themes=list(themes), position=position, title=key
    )


def test_the_heaviest_relations_come_first_and_weak_ones_are_left_out():
    me = _case("jinhua-cpa", org="Jinhua CPA", city="Jinhua", themes=["pilot-zones", "logistics"])
    entries = [
        me,
        _case("eciip", org="ECIIP", city="Jinhua", themes=["logistics"], position=2),
        _case("cpa-again", org="Jinhua CPA", themes=["talent"], position=3),
        _case("yiwu", org="Yiwu CPA", city="Yiwu", themes=["pilot-zones", "logistics"], position=1),
        _case("weak", org="Other", city="Lima", themes=["logistics"], position=0),
        _case("term", kind="term", city="Jinhua", org="Jinhua CPA"),
        _case("jinhua-elsewhere", city="Jinhua", country="Peru", themes=["talent"]),
    ]
    found = related_cases(me, entries)
    assert [(r.entry.key, r.weight) for r in found] == [("cpa-again", 4), ("eciip", 3), ("yiwu", 2)]
    assert found[1].reasons == (("city", "Jinhua"), ("themes", ("logistics",)))
    assert found[0].reasons == (("organisation",),)


def test_at_most_six():
    me = _case("me", city="Jinhua")
    entries = [me] + [_case(f"c{n}", city="Jinhua", position=n) for n in range(10)]
    assert [r.entry.key for r in related_cases(me, entries)] == [f"c{n}" for n in range(6)]
