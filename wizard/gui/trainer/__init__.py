"""Trainer mode: present a scenario to a room, quiz a trainee on it, and draw a tree as a map."""
