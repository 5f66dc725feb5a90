"""Tests of the supervisors' advice records (wizard/records)."""
