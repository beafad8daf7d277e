"""Training cohorts: who is in a programme, how they are enrolled and invited. No Flask here."""
