"""The completion rules on plain data: modules, path steps and locks, what to do next, credited study time."""

import pytest

from course.progress.rules import (
    MAX_SECONDS_PER_VISIT,
    ModuleStatus,
    StepStatus,
    locked_modules,
    module_status,
    next_step,
    path_complete,
    path_percent,
    path_steps,
    visit_seconds,
)

# A path of three modules: "freight" needs "zones"; "returns" needs both.
STEPS = [
    {"module": "zones"},
    {"module": "freight", "requires": ["zones"]},
    {"module": "returns", "requires": ["zones", "freight"], "lessons": ["returns-hub"]},
]


def step(module, *, locked=False, complete=False, missing=(), requires=()):
    return StepStatus(module, tuple(requires), locked, complete, tuple(missing))


# --- module_status ---------------------------------------------------------------------------------------


def test_module_status_counts_only_the_modules_own_completed_lessons():
    status = module_status([1, 2, 3, 4], completed={2, 4, 99})
    assert status == ModuleStatus(lessons_done=2, lessons_total=4, quiz_required=False, quiz_passed=False)
    assert (status.percent, status.complete, status.started) == (50, False, True)


def test_all_lessons_done_completes_a_module_without_a_quiz():
    status = module_status([1, 2, 3], completed={1, 2, 3})
    assert (status.percent, status.complete) == (100, True)


@pytest.mark.parametrize(
    "done, passed, percent, complete",
    [
        (set(), False, 0, False),
        ({1}, False, 33, False),  # one of three parts: two lessons and the quiz
        ({1, 2}, False, 67, False),  # every lesson, quiz not passed: not complete
        ({1, 2}, True, 100, True),
        ({1}, True, 67, False),  # the quiz alone does not complete the module
    ],
)
def test_a_required_quiz_counts_as_one_more_part(done, passed, percent, complete):
    status = module_status([1, 2], completed=done, quiz_required=True, quiz_passed=passed)
    assert (status.percent, status.complete) == (percent, complete)


def test_a_passed_quiz_that_is_not_required_adds_nothing():
    status = module_status([1, 2], completed={1}, quiz_required=False, quiz_passed=True)
    assert (status.percent, status.complete, status.started) == (50, False, True)


def test_a_module_without_lessons_is_never_complete():
    status = module_status([], completed={1, 2})
    assert (status.lessons_total, status.percent, status.complete, status.started) == (0, 0, False, False)


def test_a_module_without_lessons_but_with_a_quiz():
    status = module_status([], completed=set(), quiz_required=True, quiz_passed=True)
    assert status.percent == 100 and status.started
    assert not status.complete  # completion needs lessons as well


def test_percent_rounds_to_the_nearest_whole():
    assert module_status([1, 2, 3], completed={1}).percent == 33
    assert module_status([1, 2, 3], completed={1, 2}).percent == 67
    assert module_status(list(range(8)), completed={0}).percent == 12  # 12.5 rounds to even


# --- path_steps ------------------------------------------------------------------------------------------


def test_nothing_done_locks_every_step_with_prerequisites():
    steps = path_steps(STEPS, {})
    assert steps == [
        step("zones"),
        step("freight", locked=True, missing=["zones"], requires=["zones"]),
        step("returns", locked=True, missing=["zones", "freight"], requires=["zones", "freight"]),
    ]


def test_a_completed_prerequisite_unlocks_the_step_and_the_rest_stay_missing():
    steps = path_steps(STEPS, {"zones": True, "freight": False})
    assert [(s.module, s.locked, s.complete, s.missing) for s in steps] == [
        ("zones", False, True, ()),
        ("freight", False, False, ()),
        ("returns", True, False, ("freight",)),
    ]


def test_every_prerequisite_complete_unlocks_everything():
    steps = path_steps(STEPS, {"zones": True, "freight": True, "returns": True})
    assert all(not s.locked and s.complete and s.missing == () for s in steps)


def test_a_complete_module_may_still_be_locked_when_a_prerequisite_is_not():
    [_, freight, _] = path_steps(STEPS, {"freight": True})
    assert (freight.locked, freight.complete, freight.missing) == (True, True, ("zones",))


def test_an_unknown_prerequisite_counts_as_missing():
    [only] = path_steps([{"module": "a", "requires": ["gone"]}], {"a": False})
    assert (only.locked, only.missing, only.requires) == (True, ("gone",), ("gone",))


# --- path_percent, path_complete, next_step --------------------------------------------------------------


def test_path_percent_averages_over_the_steps_and_ignores_other_modules():
    steps = path_steps(STEPS, {})
    assert path_percent(steps, {"zones": 100, "freight": 50, "elsewhere": 100}) == 50  # (100 + 50 + 0) / 3
    assert path_percent(steps, {"zones": 100, "freight": 100, "returns": 1}) == 67
    assert path_percent(steps, {}) == 0


def test_an_empty_path_is_at_zero_percent_and_never_complete():
    assert path_percent([], {"zones": 100}) == 0
    assert not path_complete([])
    assert next_step([]) is None


def test_a_path_is_complete_only_when_every_step_is():
    assert not path_complete(path_steps(STEPS, {"zones": True, "freight": True}))
    assert path_complete(path_steps(STEPS, {"zones": True, "freight": True, "returns": True}))


def test_next_step_is_the_first_unlocked_unfinished_step():
    assert next_step(path_steps(STEPS, {})).module == "zones"
    assert next_step(path_steps(STEPS, {"zones": True})).module == "freight"
    assert next_step(path_steps(STEPS, {"zones": True, "freight": True})).module == "returns"
    assert next_step(path_steps(STEPS, {"zones": True, "freight": True, "returns": True})) is None


def test_next_step_skips_a_locked_step_for_a_later_open_one():
    steps = [step("a", complete=True), step("b", locked=True, missing=["x"]), step("c")]
    assert next_step(steps).module == "c"
    assert next_step([step("a", locked=True, missing=["x"])]) is None


# --- locked_modules --------------------------------------------------------------------------------------


def test_locked_modules_lists_what_each_still_needs():
    assert locked_modules([path_steps(STEPS, {"zones": True})]) == {"returns": ("freight",)}


def test_locked_modules_merges_the_needs_of_two_paths_sorted_and_once():
    first = [step("zones"), step("returns", locked=True, missing=["zones", "freight"])]
    second = [
        step("customs"),
        step("returns", locked=True, missing=["customs", "zones"]),
        step("freight", locked=True, missing=["customs"]),
    ]
    assert locked_modules([first, second]) == {"returns": ("customs", "freight", "zones"), "freight": ("customs",)}


def test_a_module_locked_in_one_path_stays_locked_when_another_path_leaves_it_open():
    open_path = [step("returns")]
    locking_path = [step("returns", locked=True, missing=["zones"])]
    assert locked_modules([open_path, locking_path]) == {"returns": ("zones",)}


def test_a_locked_but_complete_module_is_not_reported():
    assert locked_modules([[step("returns", locked=True, complete=True, missing=["zones"])]]) == {}
    assert locked_modules([]) == {}


# --- visit_seconds ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "opened, credited",
    [
        (0, 0),
        (59.9, 59),
        (600, 600),
        (MAX_SECONDS_PER_VISIT - 0.5, MAX_SECONDS_PER_VISIT - 1),
        (MAX_SECONDS_PER_VISIT, MAX_SECONDS_PER_VISIT),
        (MAX_SECONDS_PER_VISIT + 1, MAX_SECONDS_PER_VISIT),
        (3 * 24 * 3600, MAX_SECONDS_PER_VISIT),
        (-5, 0),  # a clock that went backwards credits nothing
    ],
)
def test_visit_seconds_are_whole_and_capped_at_two_hours(opened, credited):
    assert visit_seconds(opened) == credited
    assert isinstance(visit_seconds(opened), int)


def test_the_cap_is_two_hours():
    assert MAX_SECONDS_PER_VISIT == 7200
