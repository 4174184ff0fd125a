"""Run: the stages chained into recorded runs, and what an operator needs to keep them going.

Takes in the configuration and the command line's wishes; gives out pipeline_runs rows, one run
at a time (the lock), the scrape stage's crawl of every source, cadence and freshness, status and
the operator's HTML report.
"""
