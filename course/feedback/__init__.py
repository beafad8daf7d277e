"""Attendees' feedback on events and study tours: the answers, their figures, and the CSV export."""
