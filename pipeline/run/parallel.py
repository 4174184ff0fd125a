"""Normalize and classify raw records into staged rows: a large batch across worker processes.

Judging a record is pure Python work (text cleaning, phone and address parsing, the vocabulary's
patterns), so one process uses one core however many the machine has. A batch of at least
PARALLEL_FROM records (an NPPES bulk file, a large roster) is cut into chunks of CHUNK records
judged by a pool of worker processes, one per usable core; each worker receives the vocabulary
and settings once, when it starts. Chunks are merged in input order, so the rows and the counts
are those of judging the batch here, one record after the other. A smaller batch is judged here,
where starting a pool would cost more than it saves.

Workers are started by a fork server (or spawned where there is none), never forked from this
process: the fetcher's threads may hold locks a forked child would inherit held.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from pipeline.config import Relevance
from pipeline.errors import ConfigError, PipelineError
from pipeline.normalize.listing import normalize
from pipeline.records import RawListing
from pipeline.relevance.classify import classify
from pipeline.relevance.vocabulary import Vocabulary

log = logging.getLogger(__name__)

PROCESSES_ENV = "THERAPISTS_PROCESSES"  # worker processes for a large batch (default: the usable cores)
# Records. Starting the first pool (its fork server imports the judging code and loads the
# gazetteer) takes about as long as judging a thousand records here; from a few thousand on, the
# cores repay it.
PARALLEL_FROM = 5_000
CHUNK = 500  # records a task: sending it costs ~1% of judging it, and the workers finish within one chunk


def staged_row(
    raw: RawListing,
    vocabulary: Vocabulary,
    relevance: Relevance,
    country: str,
    counts: Counter,
    pages: list[dict] | None = None,
) -> dict | None:
    """The staged row of one record, or None (counted) when it lies outside the directory's country."""
    listing = normalize(raw, counts)
    if listing.country != country:
        counts["scrape/dropped/outside_country"] += 1
        return None
    return classify(listing, vocabulary, relevance, counts, pages or ()).row()


def usable_cores() -> int:
    """The cores this process may run on (an affinity mask or a container's share may be fewer than
    the machine's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def processes_wanted() -> int:
    """$THERAPISTS_PROCESSES, else one process per usable core; 1 judges every batch here."""
    value = os.environ.get(PROCESSES_ENV, "").strip()
    if not value:
        return usable_cores()
    if not value.isdigit() or int(value) < 1:
        raise ConfigError(f"{PROCESSES_ENV} must be a whole number of processes (1 or more), not {value!r}")
    return int(value)


class RowMaker:
    """Turns raw records into staged rows with one vocabulary and one set of settings. The pool
    starts at the first large batch and serves every later one until `close`."""

    def __init__(
        self,
        vocabulary: Vocabulary,
        relevance: Relevance,
        country: str,
        *,
        processes: int | None = None,
        parallel_from: int = PARALLEL_FROM,
        chunk: int = CHUNK,
    ):
        self.vocabulary = vocabulary
        self.relevance = relevance
        self.country = country
        self.processes = processes if processes is not None else processes_wanted()
        self.parallel_from = parallel_from
        self.chunk = chunk
        self._pool: ProcessPoolExecutor | None = None

    def row(self, raw: RawListing, counts: Counter, pages: list[dict] | None = None) -> dict | None:
        """One record's staged row, judged here (see `staged_row`)."""
        return staged_row(raw, self.vocabulary, self.relevance, self.country, counts, pages)

    def rows(self, raws: Sequence[RawListing], counts: Counter) -> list[dict]:
        """The staged rows of a batch, in its order, without the records dropped (counted)."""
        if self.processes < 2 or len(raws) < max(self.parallel_from, 2):
            return [row for raw in raws if (row := self.row(raw, counts)) is not None]
        return self.pooled(raws, counts)

    def pooled(self, raws: Sequence[RawListing], counts: Counter) -> list[dict]:
        """`rows`, judged by the worker processes whatever the batch's size."""
        chunks = [raws[start : start + self.chunk] for start in range(0, len(raws), self.chunk)]
        rows: list[dict] = []
        try:
            for chunk_rows, chunk_counts in self._started().map(_judge_chunk, chunks):
                rows += chunk_rows
                counts.update(chunk_counts)
        except BrokenProcessPool as err:
            self.close()
            raise PipelineError(
                f"a worker process normalizing and classifying {len(raws):,} records ended abruptly (killed, or "
                f"out of memory?); set {PROCESSES_ENV}=1 to judge them in this process"
            ) from err
        return rows

    def close(self) -> None:
        """Stop the workers (they are idle between batches); a later large batch starts new ones."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> RowMaker:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _started(self) -> ProcessPoolExecutor:
        if self._pool is None:
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
            if context.get_start_method() == "forkserver":
                # Workers forked from a server that has imported the judging code and loaded the
                # gazetteer start with both.
                context.set_forkserver_preload([__name__, "pipeline.gazetteer.loaded"])
            log.debug("starting %d worker processes (%s)", self.processes, context.get_start_method())
            self._pool = ProcessPoolExecutor(
                max_workers=self.processes,
                mp_context=context,
                initializer=_start_worker,
                initargs=(self.vocabulary, self.relevance, self.country),
            )
        return self._pool


# A worker's vocabulary and settings, received once when it starts.
_settings: tuple[Vocabulary, Relevance, str] | None = None


def _start_worker(vocabulary: Vocabulary, relevance: Relevance, country: str) -> None:
    global _settings
    _settings = (vocabulary, relevance, country)


def _judge_chunk(raws: Sequence[RawListing]) -> tuple[list[dict], Counter]:
    """In a worker: a chunk's rows and what judging it counted."""
    assert _settings is not None, "a worker judges only after _start_worker"
    counts: Counter = Counter()
    rows = [row for raw in raws if (row := staged_row(raw, *_settings, counts)) is not None]
    return rows, counts
