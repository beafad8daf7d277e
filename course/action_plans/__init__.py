"""The capstone's action plans: trainees write a plan for an assignment, instructors and peers review it."""
