"""Quiz domain: question types, GIFT and Aiken import/export, grading (no Flask, no database)."""
