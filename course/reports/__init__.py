"""Reporting data functions: the aggregate SQL behind the cohort dashboard, exports and xAPI.

Each query groups in the database (GROUP BY over LessonProgress, Attempt and AttemptItem joined
to CohortMember) so a cohort of ten thousand costs a handful of queries, never one per trainee.
The computations on the rows live in `course/analytics/`.
"""
