"""Certificates for completed learning paths: issue, look up, revoke, print. No Flask here."""
