"""Purdah Wizard: may I do this during the pre-election period? An offline guide."""

__version__ = "0.1.0"
