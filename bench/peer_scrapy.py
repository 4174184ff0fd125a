"""The fetcher's peer: Scrapy fetching the benchmark's pages with one request in flight per host
(host:port, as our fetcher counts hosts), robots.txt obeyed, on Twisted's epoll reactor; prints one
JSON line of figures.

    python bench/peer_scrapy.py URLS.json USER_AGENT
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import scrapy  # an optional benchmark extra: bench/peers.py checks it is there before running this
from scrapy import signals
from scrapy.crawler import CrawlerProcess

REACTOR = "twisted.internet.epollreactor.EPollReactor"


class Pages(scrapy.Spider):
    """Requests every URL and reads each whole body, as our fetcher and the plain loop do."""

    name = "bench"

    def __init__(self, urls: list[str], figures: dict, **kwargs):
        super().__init__(**kwargs)
        self.urls = urls
        self.figures = figures

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.opened, signal=signals.spider_opened)
        return spider

    def opened(self, spider) -> None:
        self.figures["started"] = time.perf_counter()

    def closed(self, reason) -> None:  # Scrapy calls it when the crawl is over
        self.figures["seconds"] = time.perf_counter() - self.figures.pop("started")
        self.figures["reason"] = reason

    async def start(self):
        for url in self.urls:
            # Scrapy's slots are per hostname; every local host is 127.0.0.1 on its own port.
            yield scrapy.Request(url, meta={"download_slot": urlsplit(url).netloc}, errback=self.failed)

    def parse(self, response):
        if response.status == 200 and response.body:
            self.figures["pages"] += 1

    def failed(self, failure) -> None:
        self.figures["failed"] += 1


def crawl(urls: list[str], user_agent: str) -> dict:
    figures = {"scrapy": scrapy.__version__, "reactor": REACTOR.rsplit(".", 1)[1], "pages": 0, "failed": 0}
    process = CrawlerProcess(
        {
            "TWISTED_REACTOR": REACTOR,
            "USER_AGENT": user_agent,
            "ROBOTSTXT_OBEY": True,  # our fetcher reads robots.txt too
            "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
            "DOWNLOAD_DELAY": 0,
            "AUTOTHROTTLE_ENABLED": False,
            "COOKIES_ENABLED": False,
            "TELNETCONSOLE_ENABLED": False,
            "LOG_LEVEL": "ERROR",
            # Otherwise Scrapy's defaults, CONCURRENT_ITEMS=100 among them: it sets up 100 cooperative
            # tasks per response even when the callback yields nothing; at 1 it went about 1.8x faster here.
        }
    )
    process.crawl(Pages, urls=urls, figures=figures)
    process.start()
    return figures


if __name__ == "__main__":
    print(json.dumps(crawl(json.loads(Path(sys.argv[1]).read_text()), sys.argv[2])))
