"""A check shared by the report tests: the tallies and summaries agree with the per-learner code."""

from course.progress.standing import learner_state
from course.reports import queries
from course.reports.cohort_report import cohort_report, trainee_progress


def assert_report_agrees_with_learner_state(db, cohort) -> None:
    """Every member's modules complete, lessons done and percent are those the trainee pages show."""
    report = cohort_report(db, cohort)
    members = queries.cohort_members(db, cohort.id)
    detail = trainee_progress(db, report, [m.user_id for m in members])
    for member in members:
        state = learner_state(db, member.user_id)
        modules = [state.modules[m.slug].status for m in report.modules]
        mine = detail[member.user_id]
        assert mine.modules_complete == tuple(status.complete for status in modules)
        assert mine.lessons_done == sum(status.lessons_done for status in modules)
        assert mine.percent == round(sum(status.percent for status in modules) / len(modules))
    funnel = [sum(detail[m.user_id].modules_complete[i] for m in members) for i in range(len(report.modules))]
    assert [step.completed for step in report.summary.funnel] == funnel
    assert report.summary.completed == sum(detail[m.user_id].path_complete for m in members)
    assert report.summary.enrolled == len(members)
