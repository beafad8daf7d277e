"""Quizzes as stored: banks, questions, quizzes and attempts (database side)."""
