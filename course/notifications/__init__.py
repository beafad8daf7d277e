"""Telling people what happened: `notify` (the one entry point other features call), the notification list
with its unread count, each user's email choices and one-click unsubscribe, and the due-date reminders."""
