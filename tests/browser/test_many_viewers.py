"""A crowd of real browser sessions while a new database is swapped in, as deploy/ runs it: two
replicas behind Caddy, sticky, both reading the one file that is swapped in under them
(bench/crowd.py at full size: 30 sessions, every page; here 6 sessions, the first 3 pages). No
errors, no page mixing old and new data, every session kept on its replica, and the servers'
memory does not grow from one crowd to the next. (One plain `streamlit run` is the same server
without the proxy: `python -m bench.crowd` measures it.)"""

import asyncio
from concurrent.futures import ThreadPoolExecutor

from bench.crowd import crowd, page_paths


def test_a_crowd_across_two_replicas_sees_old_or_new_data_never_a_mix(tmp_path):
    # Its own thread: the suite's synchronous Playwright already runs an event loop in this one.
    with ThreadPoolExecutor(1) as pool:
        f = pool.submit(asyncio.run, crowd(sessions=6, rounds=1, waves=2, workdir=tmp_path,
                                           paths=page_paths()[:3], replicas=2)).result()
    assert f["swapped"]
    assert f["errors"] == []                             # includes: no session left its replica
    assert f["mixed"] == []
    assert f["views"] == 6 * 2 * 3
    assert set(f["seen"]) == {f["old"], f["new"]}        # both versions were really served
    assert len(f["by_replica"]) == 2
    for served in f["by_replica"].values():
        assert sum(served.values()) == 3 * 2 * 3         # 3 sessions a replica, 2 waves, 3 pages
        assert served.get(f["new"], 0) >= 3 * 3          # the second crowd saw the new file there
    assert all(cpu > 0 for cpu in f["cpu_s"])            # both replicas did the work
    first, second = f["rss_after_mb"]
    assert second <= first * 1.2                         # no memory kept per closed session
