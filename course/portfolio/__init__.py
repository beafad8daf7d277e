"""The reflection portfolio: answers to lessons' reflection questions, shared with a cohort, exported."""
