"""Candidate-facing pages and the recruiter's candidate pages.

Each module holds its own `urlpatterns`.
"""
