"""Reporting computations: item analysis, cohort summaries, charts, exports, xAPI.

Pure code with no Flask or database import: functions take plain rows and return dataclasses.
The aggregate SQL that feeds them lives in `course/reports/`.
"""
