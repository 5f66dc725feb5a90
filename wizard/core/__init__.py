"""The domain core: tree model, loading, validation, walks and transcripts.

Nothing here imports Qt, reads the file system or knows where a tree came from.
"""
