"""The classroom in the app: the student's assignment banner and hand-in, the teacher's
key, assignment and collection of submissions.

Every figure and rule comes from ``reader.services.classroom``; these widgets only
ask and show.
"""
