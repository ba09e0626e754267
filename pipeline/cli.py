"""Command line: a thin layer over the library. `main(argv)` returns the exit status.

    pipeline run     [--raw DIR] [--out DIR] [--config FILE] [--workers N] [--executor local|dask]
    pipeline review  [--out DIR] [--port N] [--host H] [--static FILE] [--export-gold DIR]
    pipeline eval    --gold DIR [--out DIR]
    pipeline export  --from DIR --to URL

Exit status: 0 success, 1 some documents (or checks) failed, 2 usage or configuration error.
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from . import __version__
from .errors import ConfigError, PipelineError

log = logging.getLogger("pipeline")


def _setup_logging(verbose: int, quiet: bool) -> None:
    level = logging.WARNING if quiet else (logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    # pdfminer reports recoverable oddities of the PDF (a missing MediaBox ...) as warnings;
    # ingest already turns what matters into one message per file.
    logging.getLogger("pdfminer").setLevel(logging.ERROR if verbose < 2 else logging.DEBUG)


def _load_config(path: str | None, explicit: bool):
    from . import config

    if path and not explicit and not Path(path).exists():
        return config.Config()  # the default config.toml is optional: embedded defaults
    return config.load(path)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="pipeline", description=__doc__.split("\n\n")[0])
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    def common(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--config", default=None, help="config file (default: ./config.toml when present)")
        sp.add_argument("-v", "--verbose", action="count", default=0)
        sp.add_argument("-q", "--quiet", action="store_true")

    r = sub.add_parser("run", help="extract every document under --raw into --out")
    r.add_argument("--raw", default=None, help="input folder (default: paths.raw, 'raw')")
    r.add_argument("--out", default=None, help="output folder (default: paths.out, 'extracted')")
    r.add_argument("--workers", type=int, default=None, help="worker processes (default: batch.workers, 0 = all cores)")
    r.add_argument("--executor", choices=("local", "dask"), default="local")
    r.add_argument("--scheduler", default=None, help="Dask scheduler address, e.g. tcp://10.0.0.5:8786")
    r.add_argument("--force", action="store_true", help="redo every document, ignoring the manifest")
    common(r)

    v = sub.add_parser("review", help="review and correct the output in a browser")
    v.add_argument("--out", default="extracted", help="output folder to review (default: extracted)")
    v.add_argument("--host", default="127.0.0.1", help="bind address (default: loopback)")
    v.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    v.add_argument("--static", default=None, metavar="FILE", help="write a self-contained HTML file instead of serving")
    v.add_argument("--export-gold", default=None, metavar="DIR", help="write reviewed documents as gold files")
    v.add_argument("--no-browser", action="store_true", help="do not open a browser window")
    common(v)

    e = sub.add_parser("eval", help="score the output against a gold folder")
    e.add_argument("--gold", required=True)
    e.add_argument("--out", default="extracted")
    e.add_argument("--require", default="", help="e.g. dates_f1=0.9,inst_f1=0.85: exit 1 below these")
    common(e)

    x = sub.add_parser("export", help="load the output into a database or data file")
    x.add_argument("--from", dest="src", default="extracted", help="output folder (default: extracted)")
    x.add_argument("--to", required=True, help="sqlite:///path.db | postgresql://user@host:port/db | jsonl:FILE | parquet:DIR")
    common(x)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # argparse exits 2 on usage errors, 0 on --help
        return int(e.code or 0)
    _setup_logging(args.verbose, args.quiet)
    try:
        cfg = _load_config(args.config or "config.toml", explicit=args.config is not None)
        if args.command == "run":
            return _run(args, cfg)
        if args.command == "review":
            return _review(args, cfg)
        if args.command == "eval":
            from .evaluate import evaluate_cli

            return evaluate_cli(Path(args.gold), Path(args.out), args.require)
        if args.command == "export":
            from .export import export_cli

            return export_cli(Path(args.src), args.to)
    except ConfigError as e:
        print(f"configuration error: {e}", file=sys.stderr)
        return 2
    except PipelineError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    return 2


def _run(args: argparse.Namespace, cfg) -> int:
    raw = Path(args.raw or cfg.paths.raw)
    out = Path(args.out or cfg.paths.out)
    if not raw.is_dir():
        print(f"error: input folder {raw} does not exist (pass --raw DIR)", file=sys.stderr)
        return 2
    workers = cfg.batch.workers if args.workers is None else args.workers
    if workers < 0:
        print("error: --workers must be >= 0", file=sys.stderr)
        return 2
    if args.executor == "dask" and not args.scheduler:
        print("error: --executor dask needs --scheduler ADDRESS", file=sys.stderr)
        return 2
    from .batch import run_batch

    result = run_batch(raw, out, cfg, workers=workers, executor=args.executor,
                       scheduler=args.scheduler, progress=not args.quiet and sys.stderr.isatty(),
                       force=args.force)
    for f in result.failures:
        print(f"FAILED {f.path}: {f.stage}: {f.reason}", file=sys.stderr)
    if not args.quiet:
        print(result.summary(), file=sys.stderr)
    return 1 if result.failures else 0


def _review(args: argparse.Namespace, cfg) -> int:
    out = Path(args.out)
    if not out.is_dir():
        print(f"error: output folder {out} does not exist (run `pipeline run` first)", file=sys.stderr)
        return 2
    if args.export_gold:
        from .review.gold import export_gold

        n = export_gold(out, Path(args.export_gold))
        print(f"wrote {n} gold file(s) to {args.export_gold}", file=sys.stderr)
        return 0
    if args.static:
        from .review.static import write_static

        write_static(out, Path(args.static))
        print(f"wrote {args.static}", file=sys.stderr)
        return 0
    from .review.server import serve

    serve(out, host=args.host, port=args.port, open_browser=not args.no_browser)
    return 0
