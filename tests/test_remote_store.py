"""The store on object storage: an S3 server (moto) started on 127.0.0.1 for this module.

A store under s3://bucket/prefix holds the same rows and ids as a local folder after the
same ingest, is read by the sandboxed DuckDB connection through fsspec, publishes its
manifest with a conditional put that a concurrent writer cannot clobber, and shows nothing
of a write that failed half-way.
"""
from __future__ import annotations

import json
import logging
import uuid
from pathlib import Path

import pyarrow.parquet as pq
import pytest

pytest.importorskip("s3fs")
moto_server = pytest.importorskip("moto.server")

from click.testing import CliRunner  # noqa: E402

from events import query, readers, remote  # noqa: E402
from events.cli import main  # noqa: E402
from events.store import Store  # noqa: E402

CORPUS = Path(__file__).parent / "data" / "merge_reports.jsonl"
# the corpus fixture adds a copy of the first report, a line without text and a broken line
REPORTS = len(CORPUS.read_text(encoding="utf-8").splitlines())
# One xdist worker runs this module and the other cluster/remote one (`--dist loadgroup`),
# so their servers and the cluster start once, not once per worker.
pytestmark = pytest.mark.xdist_group("cluster")


@pytest.fixture(scope="module")
def s3_endpoint():
    """A moto S3 server on a free port of 127.0.0.1, with the AWS_* variables pointing at it."""
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    with pytest.MonkeyPatch.context() as mp:
        for name, value in {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                            "AWS_DEFAULT_REGION": "us-east-1", "AWS_ENDPOINT_URL": endpoint}.items():
            mp.setenv(name, value)
        mp.delenv("AWS_PROFILE", raising=False)
        yield endpoint
    server.stop()


@pytest.fixture
def bucket(s3_endpoint) -> str:
    """A new empty bucket (its name)."""
    name = f"events-{uuid.uuid4().hex[:12]}"
    fs, _ = remote.filesystem(f"s3://{name}")
    fs.mkdir(name)
    return name


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The merge reports, one of them again under another id, a line without text, a bad line."""
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    again = dict(json.loads(lines[0]), id="copy-of-first")
    path = tmp_path_factory.mktemp("corpus") / "news.jsonl"
    path.write_text("\n".join(lines + [json.dumps(again), '{"id": "no-text"}', "not json"]) + "\n",
                    encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def local_store(corpus, tmp_path_factory) -> tuple[Path, str]:
    """The corpus ingested into a local folder on one machine: (folder, report summary)."""
    db = tmp_path_factory.mktemp("local") / "db"
    report = Store(db).ingest(readers.read([corpus]))
    return db, report.summary()


def tables(db: str | Path) -> dict[str, list[tuple]]:
    """Every stored row of the three tables (read through events.query), sorted; articles
    without their ingest time."""
    con = query.connect(db)
    try:
        return {t: sorted(con.execute(f"SELECT * {'EXCLUDE (ingested_at)' if t == 'articles' else ''} "
                                      f"FROM {t}").fetchall(), key=repr)
                for t in ("events", "articles", "event_sources")}
    finally:
        con.close()


def test_remote_store_holds_the_rows_a_local_ingest_gives(bucket, corpus, local_store):
    uri = f"s3://{bucket}/store"
    report = remote.RemoteStore(uri).ingest(readers.read([corpus]))
    assert report.summary() == local_store[1]
    assert report.new == REPORTS and report.already == 1 and len(report.rejected) == 2
    stored = tables(uri)
    assert stored == tables(local_store[0])
    assert len(stored["events"]) > 0


def test_remote_store_second_run_publishes_nothing(bucket, corpus):
    uri = f"s3://{bucket}/twice"
    remote.RemoteStore(uri).ingest(readers.read([corpus]))
    objects = remote.ObjectStore(uri)
    before = objects.read_manifest()
    report = remote.RemoteStore(uri).ingest(readers.read([corpus]))
    assert (report.new, report.already) == (0, REPORTS + 1)
    assert objects.read_manifest() == before          # same bytes, same ETag: no publish


def test_remote_store_stale_manifest_put_is_refused(bucket):
    uri = f"s3://{bucket}/cas"
    objects = remote.ObjectStore(uri)
    first = objects.publish_manifest(b'{"generation": 1}', None)
    with pytest.raises(remote.StoreConflictError):
        objects.publish_manifest(b'{"generation": 1, "mine": true}', None)     # one exists already
    second = objects.publish_manifest(b'{"generation": 2}', first)
    with pytest.raises(remote.StoreConflictError):
        objects.publish_manifest(b'{"generation": 2, "stale": true}', first)   # read before `second`
    assert objects.read_manifest() == (b'{"generation": 2}', second)


def _articles(lines: list[str], path: Path) -> list:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return list(readers.read([path]))


def test_remote_store_writer_beaten_to_publish_redoes_its_commit(bucket, tmp_path):
    """Writer A reads the state, B publishes, A's put is refused: A commits again on B's state
    (both batches stored, dedup against B's articles), and A's refused files are removed."""
    uri = f"s3://{bucket}/race"
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    a_items, b_items = _articles(lines[:6], tmp_path / "a.jsonl"), _articles(lines[4:10], tmp_path / "b.jsonl")
    a = remote.RemoteStore(uri)
    upload, raced = a.objects.upload, []

    def upload_after_b(files):
        if not raced:
            raced.append(remote.RemoteStore(uri).ingest(b_items))
        upload(files)

    publish, refused = a.objects.publish_manifest, []

    def counted_publish(data, etag):
        try:
            return publish(data, etag)
        except remote.StoreConflictError:
            refused.append(etag)
            raise

    a.objects.upload, a.objects.publish_manifest = upload_after_b, counted_publish
    report = a.ingest(a_items)
    assert raced and raced[0].new == 6
    assert len(refused) == 1                           # A's first put was refused, not clobbering B's
    assert (report.new, report.already) == (4, 2)      # two of A's articles were stored by B
    stored = tables(uri)
    assert sorted(r[0] for r in stored["articles"]) == sorted(json.loads(x)["id"] for x in lines[:10])
    _, raw, _ = remote.load_manifest(uri)
    named = remote._named(raw) | ({raw["corrections"]} if raw.get("corrections") else set())
    present = {p.split("/", 2)[2] for p in a.objects.fs.find(f"{bucket}/race")}
    assert present - {"manifest.json"} == named        # nothing of the refused attempt is left


def test_remote_store_failed_upload_leaves_the_published_state(bucket, tmp_path):
    uri = f"s3://{bucket}/half"
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    remote.RemoteStore(uri).ingest(_articles(lines[:3], tmp_path / "one.jsonl"))
    before = tables(uri)
    store = remote.RemoteStore(uri)
    fs = store.objects.fs

    def put_one_then_fail(locals_, remotes):
        fs.put_file(locals_[0], remotes[0])
        raise OSError(28, "no space left on the device")

    store.objects.fs = type("Failing", (), {"put": staticmethod(put_one_then_fail),
                                            "__getattr__": lambda self, name: getattr(fs, name)})()
    with pytest.raises(Exception) as caught:
        store.ingest(_articles(lines[3:8], tmp_path / "two.jsonl"))
    assert "no space left" in str(caught.value)
    assert tables(uri) == before
    _, raw, _ = remote.load_manifest(uri)
    present = {p.split("/", 2)[2] for p in fs.find(f"{bucket}/half")}
    assert present - {"manifest.json"} == remote._named(raw)


def test_remote_store_connection_stays_sandboxed(bucket, corpus, tmp_path):
    uri = f"s3://{bucket}/sandbox"
    remote.RemoteStore(uri).ingest(readers.read([corpus]))
    secret = tmp_path / "secret.csv"
    secret.write_text("a\n1\n", encoding="utf-8")
    con = query.connect(uri)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == REPORTS
        with pytest.raises(Exception, match="(?i)disabled|permission|not allowed"):
            con.execute(f"SELECT * FROM read_csv('{secret}')").fetchall()
        with pytest.raises(Exception, match="(?i)lock"):
            con.execute("SET enable_external_access = true")
    finally:
        con.close()


def test_remote_store_cli_ingest_query_summary_export(bucket, corpus, local_store, tmp_path):
    fs, _ = remote.filesystem(f"s3://{bucket}")
    fs.put_file(str(corpus), f"{bucket}/in/2024/news.jsonl")
    uri = f"s3://{bucket}/cli"
    runner = CliRunner()
    done = runner.invoke(main, ["--db", uri, "ingest", "--jobs", "1", f"s3://{bucket}/in/*/*.jsonl"])
    assert done.exit_code == 1, done.output                   # two lines rejected
    assert done.stdout.strip().splitlines()[-1] == local_store[1]
    assert f"rejected s3://{bucket}/in/2024/news.jsonl:{REPORTS + 2}:" in done.stderr

    def same(*args: str) -> str:
        here = runner.invoke(main, ["--db", str(local_store[0]), *args])
        there = runner.invoke(main, ["--db", uri, *args])
        assert (there.exit_code, there.stdout) == (here.exit_code, here.stdout), there.output
        return there.stdout

    assert same("query", "SELECT count(*) AS n FROM events", "--format", "csv").startswith("n\n")
    same("summary", "--by", "country", "--format", "csv")
    out = tmp_path / "events.csv"
    there = runner.invoke(main, ["--db", uri, "export", "--format", "csv", "--output", str(out)])
    assert there.exit_code == 0, there.output
    mine = tmp_path / "local.csv"
    runner.invoke(main, ["--db", str(local_store[0]), "export", "--format", "csv", "--output", str(mine)])
    assert out.read_bytes() == mine.read_bytes()


@pytest.mark.parametrize("args", [["repair"], ["recode"], ["edit", "X", "--set", "fatalities=1", "--reason", "r"]])
def test_remote_store_local_only_commands_say_so(args):
    done = CliRunner().invoke(main, ["--db", "s3://some-bucket/store", *args])
    assert done.exit_code == 2
    assert done.output.count("\n") == 1 and done.output.startswith("Error: --db s3://some-bucket/store: ")
    assert not Path("s3:").exists()


def test_remote_store_missing_input_uri_is_one_error(bucket):
    done = CliRunner().invoke(main, ["--db", f"s3://{bucket}/x", "ingest", f"s3://{bucket}/nothing/*.jsonl"])
    assert done.exit_code == 2
    assert done.output.startswith("Error: ") and done.output.count("\n") == 1


def test_remote_store_batches_merge_into_stored_events_as_locally(bucket, corpus, tmp_path):
    """Committed eight articles at a time, later reports merge into stored events (rows rewritten,
    files retired, merge records written): the remote store ends as the local one does."""
    uri = f"s3://{bucket}/batches"
    local = tmp_path / "db"
    late_first = list(readers.read([corpus]))[::-1]       # later reports first: ids change on merging
    Store(local).ingest(late_first, batch_articles=8)
    remote.RemoteStore(uri).ingest(list(readers.read([corpus]))[::-1], batch_articles=8)
    assert tables(uri) == tables(local)
    _, raw, m = remote.load_manifest(uri)
    assert m.generation == Store(local).manifest().generation > 3
    merges = pq.read_table(local / "corrections.parquet").to_pylist()
    assert merges and raw["corrections"].startswith("corrections/")
    fs, root = remote.filesystem(uri)
    with fs.open(f"{root}/{raw['corrections']}", "rb") as fh:
        stored = pq.read_table(fh).to_pylist()
    key = lambda r: (r["event_id_cnty"], r["action"], r["new_value"], tuple(r["article_ids"]))  # noqa: E731
    assert sorted(map(key, stored)) == sorted(map(key, merges))


def test_remote_store_input_uris_expand_as_folders_do(bucket, corpus):
    fs, _ = remote.filesystem(f"s3://{bucket}")
    for key in ("in/b.jsonl", "in/a/one.jsonl", "in/a/.hidden.jsonl", "other.csv"):
        fs.put_file(str(corpus), f"{bucket}/{key}")
    assert remote.expand([f"s3://{bucket}/in/"]) == [f"s3://{bucket}/in/a/one.jsonl", f"s3://{bucket}/in/b.jsonl"]
    assert remote.expand([f"s3://{bucket}/other.csv", str(corpus)]) == [f"s3://{bucket}/other.csv", corpus]
    assert remote.expand([f"s3://{bucket}/in/*.jsonl"]) == [f"s3://{bucket}/in/b.jsonl"]
    first = next(remote.read_path(f"s3://{bucket}/in/b.jsonl"))
    assert first.id == "m-afg-reuters" and first.origin == f"s3://{bucket}/in/b.jsonl:1"
