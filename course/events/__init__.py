"""The training programme's events: scheduling, seats and waiting lists, attendance, calendars (their news goes through course.announcements)."""
