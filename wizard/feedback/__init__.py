"""What officers could not find: "This did not answer my question" notes and daily counts of the
topics opened and outcomes reached, kept in the data folder for the policy team (issue 20).

Nothing personal is kept: the store accepts ids, a verdict, a day and one short line
(wizard/feedback/store.py). Nothing is sent anywhere, except that a records sync copies it to
the records server when one is configured (wizard/records/server/feedback.py). No Qt here.
"""
