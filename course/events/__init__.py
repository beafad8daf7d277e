"""The training programme's events: scheduling, seats and waiting lists, attendance, calendars, notices."""
