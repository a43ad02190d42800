"""Shared by the bench-table-*.py scripts."""
import statistics


def stat(v, f="%.1f"):
    """median (min-max) of v, each with format f; "-" if v is empty"""
    if not v:
        return "-"
    return (f + " (" + f + "-" + f + ")") % (statistics.median(v), min(v), max(v))
