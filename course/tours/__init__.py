"""Study tours (Next Steps IV): itineraries of site visits, applications and decisions, pre-reading, reports."""
