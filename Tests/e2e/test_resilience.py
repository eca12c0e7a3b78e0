"""Processes: a killed worker is replaced and loses nothing acknowledged; no stray processes."""
import os
import signal
import subprocess
import threading
import time

import pytest
import requests

from portal import BIN, DEMO_PASSWORD, ROOT, Portal, csrf_token, login, processes_using
from tickets import created_number, new_ticket

USERS = ["mario.rossi@rossi.example", "luca.verdi@rossi.example", "anna.bianchi@bianchi.example"]


def test_a_worker_killed_under_load_is_restarted_and_no_acknowledged_login_is_lost(fresh_portal):
    portal = fresh_portal()
    for user in USERS:
        login(portal, email=user)  # trusts this client, so the hammering skips the e-mail code
    acknowledged = []
    failures = []
    stop = threading.Event()

    def hammer(index):
        while not stop.is_set():
            try:
                session, response = login(portal, email=USERS[index % len(USERS)])
                if response.status_code == 303:
                    acknowledged.append(session.cookies["portal_session"])
                else:
                    failures.append((time.monotonic(), response.status_code))
            except (requests.RequestException, AssertionError) as error:
                # AssertionError: the login page itself came back as nginx's 502 page.
                failures.append((time.monotonic(), str(error)))

    def wait_for(count, limit):
        # Counts, not times: on a machine busy with other work a login (argon2id) is slower,
        # and 3 s of hammering acknowledged just 10 of them.
        deadline = time.monotonic() + limit
        while len(acknowledged) < count and time.monotonic() < deadline:
            time.sleep(0.05)

    threads = [threading.Thread(target=hammer, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    wait_for(4, 30)
    before = portal.worker_pids("portal-auth")
    killed_at = time.monotonic()
    os.kill(before[0], signal.SIGKILL)
    at_kill = len(acknowledged)
    time.sleep(1.5)
    wait_for(at_kill + 8, 60)
    stop.set()
    for thread in threads:
        thread.join()

    after = portal.worker_pids("portal-auth")
    assert before[0] not in after and len(after) == len(before), (before, after)
    assert len(acknowledged) >= at_kill + 8, "logins go on being acknowledged after the kill"
    # Every login that was answered 303 has its session, readable by the other handler.
    for token in acknowledged:
        response = requests.get(portal.url + "/dashboard", cookies={"portal_session": token}, allow_redirects=False)
        assert response.status_code == 200
    # Only the requests in flight in the killed worker failed (nginx answers 502): at most
    # one per client, since each has one request at a time, and all of them at the kill. A
    # worker holds several of nginx's kept connections (one per connection thread), so more
    # than one request can be in flight in it.
    assert len(failures) <= len(threads), failures
    assert all(at - killed_at < 1.0 for at, _ in failures), failures


def test_tickets_workers_killed_while_tickets_are_created_lose_no_acknowledged_ticket(fresh_portal):
    portal = fresh_portal()
    acknowledged = []
    failures = []
    stop = threading.Event()
    sessions = [login(portal)[0] for _ in range(4)]

    def create(index):
        count = 0
        while not stop.is_set():
            count += 1
            title = f"Carico {index}-{count}"
            try:
                response = new_ticket(portal, sessions[index], title=title)
                if response.status_code == 303:
                    acknowledged.append((created_number(response), title))
                else:
                    failures.append(response.status_code)
            except (requests.RequestException, AssertionError) as error:
                failures.append(str(error))

    threads = [threading.Thread(target=create, args=(i,)) for i in range(len(sessions))]
    for thread in threads:
        thread.start()
    killed = []
    for _ in range(2):
        time.sleep(1.5)
        killed.append(portal.worker_pids("portal-tickets")[0])
        os.kill(killed[-1], signal.SIGKILL)
    time.sleep(1.5)
    stop.set()
    for thread in threads:
        thread.join()

    assert len(acknowledged) > 20, (len(acknowledged), failures)
    # Only what was in flight in a killed worker failed, never more than a client each.
    assert len(failures) <= 2 * len(threads), failures
    assert not set(killed) & set(portal.worker_pids("portal-tickets"))
    # Every ticket answered "creato" is there, once, with its title, for its company's page too.
    with portal.db() as db:
        stored = dict(db.execute("SELECT number, title FROM tickets WHERE title LIKE 'Carico %'").fetchall())
    assert all(stored.get(number) == title for number, title in acknowledged), acknowledged
    assert len(stored) == len(set(stored.values()))
    for number, title in acknowledged[-3:]:
        assert title in sessions[0].get(portal.url + f"/ticket/{number}").text


def test_services_killed_close_together_all_come_back(fresh_portal):
    """make run's supervisor lost services for good when two died within its restart pause
    (bash reaped the second, which `wait -n` then never reported): login stayed 502."""
    portal = fresh_portal()
    killed = {name: portal.supervisor_pid(name) for name in ("portal-tenant", "portal-auth", "portal-desk")}
    for pid in killed.values():
        os.kill(pid, signal.SIGKILL)
        time.sleep(0.3)
    deadline = time.time() + 15
    while time.time() < deadline:
        try:
            back = {name: portal.supervisor_pid(name) for name in killed}
        except AssertionError:
            time.sleep(0.2)
            continue
        if all(back[name] != killed[name] for name in killed):
            break
        time.sleep(0.2)
    else:
        raise AssertionError("not every killed service was started again: " + (portal.var / "portal-up.log").read_text())
    deadline = time.time() + 10
    while requests.get(portal.url + "/login").status_code != 200 and time.time() < deadline:
        time.sleep(0.2)
    session, _ = login(portal)
    assert session.get(portal.url + "/dashboard").status_code == 200, "portal-tenant answers again"

    # nginx's master killed with -9 left its workers holding the port: the new master could
    # not bind, and a stop left them running (the fixture's stop checks that none is left).
    def nginx_master():
        for pid in processes_using(str(portal.var)):
            try:
                if open(f"/proc/{pid}/cmdline", "rb").read().startswith(b"nginx: master"):
                    return pid
            except OSError:
                continue
        return None

    master = nginx_master()
    os.kill(master, signal.SIGKILL)
    deadline = time.time() + 15
    while time.time() < deadline:
        current = nginx_master()
        try:
            if current not in (None, master) and requests.get(portal.url + "/login", timeout=1).status_code == 200:
                break
        except requests.RequestException:
            pass
        time.sleep(0.2)
    else:
        raise AssertionError("nginx did not come back: " + (portal.var / "portal-up.log").read_text()[-2000:])


def test_an_upload_that_meets_a_handler_down_gets_the_italian_502_not_a_413(fresh_portal):
    """nginx's error page inherited the body limit of the request that failed: an upload that
    met a restarting handler was told, in English, that its files were too large."""
    portal = fresh_portal()
    session, _ = login(portal)
    token = csrf_token(session.get(portal.url + "/dashboard").text)
    socket = portal.var / "run" / "portal-tickets.sock"
    socket.rename(socket.with_suffix(".away"))
    try:
        down = session.post(portal.url + "/ticket/nuovo", data={"csrf": token, "title": "Durante il riavvio"},
                            files={"files": ("verbale.txt", b"x" * 100_000, "text/plain")})
    finally:
        socket.with_suffix(".away").rename(socket)
    assert down.status_code == 502 and "momentaneamente non disponibile" in down.text, down.text[:500]


def test_handlers_refuse_to_start_on_an_unmigrated_database(tmp_path):
    env = dict(os.environ, PORTAL_DB=str(tmp_path / "empty.sqlite3"))
    result = subprocess.run([str(BIN / "portal-auth"), "--socket", str(tmp_path / "a.sock")], env=env,
                            capture_output=True, text=True, timeout=20)
    assert result.returncode == 1
    # In Italian, as the other start-up refusals, the missing migrations in their order.
    assert "non è migrato" in result.stderr and "0001_initial, 0002_" in result.stderr, result.stderr


def test_handlers_refuse_to_start_when_the_attachments_folder_cannot_be_written(portal, tmp_path):
    (tmp_path / "un-file").write_text("non una cartella")
    env = dict(portal.env, PORTAL_ATTACHMENTS_DIR=str(tmp_path / "un-file" / "allegati"))
    result = subprocess.run([str(BIN / "portal-tickets"), "--socket", str(tmp_path / "t.sock")], env=env,
                            capture_output=True, text=True, timeout=20)
    assert result.returncode == 1
    assert "la cartella degli allegati (PORTAL_ATTACHMENTS_DIR) non è utilizzabile" in result.stderr and "Not a directory" in result.stderr, result.stderr


def test_a_second_handler_does_not_steal_a_running_ones_socket(portal):
    socket_path = portal.var / "run" / "portal-auth.sock"
    result = subprocess.run([str(BIN / "portal-auth"), "--socket", str(socket_path)], env=portal.env,
                            capture_output=True, text=True, timeout=20)
    assert result.returncode == 1 and "another process is listening" in result.stderr
    assert requests.get(portal.url + "/login").status_code == 200


def children_of(pid):
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def test_a_dead_supervisors_socket_is_taken_over_while_its_workers_finish(portal, tmp_path):
    """kill -9 of a handler's supervisor: its workers answered what they held for up to 24 s
    (slow pages queued behind the lock), the new supervisor waited for the socket and failed,
    and nginx answered 502 all along. A socket whose supervisor is dead is taken over at once;
    a live one's is still never taken (the test above)."""
    socket_path = tmp_path / "auth.sock"
    command = [str(BIN / "portal-auth"), "--socket", str(socket_path)]
    first = subprocess.Popen(command, env=portal.env, stderr=subprocess.DEVNULL)
    owner = tmp_path / "auth.sock.pid"
    deadline = time.time() + 10
    while not (owner.exists() and owner.read_text().strip() == str(first.pid)) and time.time() < deadline:
        time.sleep(0.05)
    workers = children_of(first.pid)
    assert workers, "the supervisor's workers"
    # Workers busy for long: stopped, they keep the socket listening as a slow page would.
    for worker in workers:
        os.kill(worker, signal.SIGSTOP)
    first.kill()
    first.wait()
    second = subprocess.Popen(command, env=portal.env, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.time() + 3
        while owner.read_text().strip() != str(second.pid) and time.time() < deadline:
            assert second.poll() is None, second.stderr.read()
            time.sleep(0.05)
        assert owner.read_text().strip() == str(second.pid), "taken over at once, not after the old workers"
        assert socket_path.is_socket() and second.poll() is None
    finally:
        for worker in workers:
            os.kill(worker, signal.SIGCONT)  # their supervisor's death (SIGTERM) reaches them now
        second.terminate()
        second.wait(timeout=15)
    assert not owner.exists() and not socket_path.exists(), "a stopped handler leaves neither behind"
    deadline = time.time() + 10
    while any(os.path.exists(f"/proc/{worker}") for worker in workers) and time.time() < deadline:
        time.sleep(0.1)
    assert not any(os.path.exists(f"/proc/{worker}") for worker in workers), "the old workers stop once let go on"


def test_a_second_portal_on_a_taken_port_or_without_its_site_says_so_and_starts_nothing(portal, tmp_path):
    """It printed "serving on" while nginx failed to bind for ever and the first portal
    answered there."""
    env = dict(os.environ, PORT=str(portal.port), PORTAL_VAR=str(tmp_path / "var"), BIN=str(BIN))
    for variable in ("PORTAL_DB", "PORTAL_CONFIG", "PORTAL_SITE_OUT", "PORTAL_LISTEN"):
        env.pop(variable, None)
    taken = subprocess.run([str(ROOT / "scripts" / "portal-up.sh")], env=env, capture_output=True, text=True, timeout=30)
    assert taken.returncode == 1 and "è già in uso" in taken.stderr, taken.stderr
    assert "il portale risponde su" not in taken.stdout
    env["PORT"] = "1"  # nobody listens there; the check of the site comes next
    unbuilt = subprocess.run([str(ROOT / "scripts" / "portal-up.sh")], env=env, capture_output=True, text=True, timeout=30)
    assert unbuilt.returncode == 1 and "il sito non è generato" in unbuilt.stderr, unbuilt.stderr
    assert not processes_using(str(tmp_path / "var"))
    assert requests.get(portal.url + "/login").status_code == 200


def test_a_portal_whose_handlers_cannot_start_says_why_and_stops(tmp_path):
    """A database a newer build migrated: the handlers refuse it, and the script restarted
    them every second behind "serving on" while every page answered 502."""
    import sqlite3
    from portal import free_port
    var = tmp_path / "var"
    env = dict(os.environ, PORT=str(free_port()), PORTAL_VAR=str(var), BIN=str(BIN))
    for variable in ("PORTAL_DB", "PORTAL_CONFIG", "PORTAL_SITE_OUT", "PORTAL_LISTEN", "PORTAL_PUBLIC_URL"):
        env.pop(variable, None)
    admin = lambda *args: subprocess.run([str(BIN / "portal-admin"), *args], env=env, capture_output=True, text=True, check=True)
    admin("migrate")
    admin("site", "build", "--source", str(ROOT / "site"), "--out", str(var / "www"))
    with sqlite3.connect(var / "portal.sqlite3") as db:
        db.execute("INSERT INTO schema_migrations (name, applied_at) VALUES ('9999_da_una_versione_nuova', 0)")
    started = subprocess.run([str(ROOT / "scripts" / "portal-up.sh")], env=env, capture_output=True, text=True, timeout=60)
    assert started.returncode == 1, started.stdout + started.stderr
    assert "non si è avviato" in started.stderr and "versione più recente" in started.stderr, started.stderr
    assert "il portale risponde su" not in started.stdout
    assert not processes_using(str(var))


def test_nginx_limits_login_posts_per_address(fresh_portal):
    portal = fresh_portal(PORTAL_LOGIN_RATE="6r/m", PORTAL_LOGIN_BURST="2")
    session = requests.Session()
    token = csrf_token(session.get(portal.url + "/login").text)
    # Without a trusted proxy configured, a forwarded address is not believed.
    statuses = [session.post(portal.url + "/login", data={"csrf": token, "email": "a@b.it", "password": "x"},
                             headers={"X-Forwarded-For": f"203.0.113.{n}"}).status_code
                for n in range(6)]
    assert 429 in statuses, statuses
    limited = session.post(portal.url + "/login", data={"csrf": token, "email": "a@b.it", "password": "x"})
    assert limited.status_code == 429 and "Troppi tentativi" in limited.text
    # Reading the page is never limited.
    assert all(session.get(portal.url + "/login").status_code == 200 for _ in range(10))


def test_ctrl_c_leaves_no_process_behind(fresh_portal):
    portal = fresh_portal()
    supervisor = portal.supervisor_pid("portal-tenant")
    workers = portal.worker_pids("portal-tenant")
    portal.stop(ctrl_c=True)
    for pid in [supervisor, *workers]:
        assert not os.path.exists(f"/proc/{pid}") or open(f"/proc/{pid}/stat").read().split()[2] == "Z"
    assert not (portal.var / "run" / "portal-auth.sock").exists()


def ignoring(*signals):
    def preexec():
        for number in signals:
            signal.signal(number, signal.SIG_IGN)
    return preexec


@pytest.mark.parametrize("command,ignored,send", [
    # what a script does with `setsid scripts/run.sh &`, then kill -INT $pid
    (["scripts/run.sh"], [signal.SIGINT], lambda pid: os.kill(pid, signal.SIGINT)),
    # `setsid make run &` and Ctrl-C's way: SIGINT to the whole process group
    (["make", "-s", "run"], [signal.SIGINT], lambda pid: os.killpg(pid, signal.SIGINT)),
    # a service manager's way: SIGTERM to make alone, which passes it to its child
    (["make", "-s", "run"], [signal.SIGINT], lambda pid: os.kill(pid, signal.SIGTERM)),
    (["scripts/run.sh"], [signal.SIGINT, signal.SIGTERM], lambda pid: os.kill(pid, signal.SIGTERM)),
], ids=["run.sh-SIGINT", "make-run-SIGINT-to-group", "make-run-SIGTERM", "run.sh-SIGTERM-ignored-too"])
def test_make_run_stops_on_a_stop_signal_whatever_its_parent_ignored(command, ignored, send):
    """`make run` started from a script in its own session, with the stop signals ignored
    as the script's shell leaves them: one signal stops nginx, the handlers and the mailer."""
    portal = Portal()
    # BIN: the executables of the test build, so that make run does not build a release.
    log = open(portal.var / "run.log", "w")
    portal.process = subprocess.Popen(command, cwd=ROOT, env=portal.env, stdout=log, stderr=subprocess.STDOUT,
                                      start_new_session=True, preexec_fn=ignoring(*ignored))
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if requests.get(portal.url + "/login", timeout=1).status_code == 200:
                    break
            except requests.RequestException:
                pass
            assert portal.process.poll() is None, (portal.var / "run.log").read_text()
            time.sleep(0.2)
        else:
            raise AssertionError("make run did not serve: " + (portal.var / "run.log").read_text())
        services = processes_using(str(portal.var))
        assert len(services) >= 6
        send(portal.process.pid)
        # A supervisor gives its workers 5 s before SIGKILL; a CI run once took over 20 s here
        # (not seen again): the wait has room, and a failure says who was still running.
        portal.process.wait(timeout=40)
    except subprocess.TimeoutExpired:
        running = []
        for pid in processes_using(str(portal.var)):
            try:
                running.append(open(f"/proc/{pid}/cmdline", "rb").read().replace(b"\0", b" ").decode(errors="replace"))
            except OSError:
                continue
        os.killpg(portal.process.pid, signal.SIGKILL)
        raise AssertionError("make run went on after the signal; still running: " + repr(running)
                             + "\n" + (portal.var / "run.log").read_text()[-3000:])
    finally:
        portal.stop()  # checks that no process of this portal is left


def test_each_handler_queues_thousands_of_connections_not_128(portal):
    """A client cancelling 2,000 requests a second (nginx opens a new connection to the
    handler for each request whose client left) filled a listen queue of 128 while the
    workers were busy, and nginx answered 502 to other people's pages. The queue asked for
    is the kernel's largest (net.core.somaxconn, 4096 on Debian 12)."""
    with open("/proc/sys/net/core/somaxconn") as limit:
        expected = min(4096, int(limit.read()))
    if expected <= 128:
        pytest.skip("net.core.somaxconn caps the queue at the old length: this machine cannot show the change")
    listening = subprocess.run(["ss", "-xlnH"], capture_output=True, text=True, check=True).stdout
    queues = {}
    for line in listening.splitlines():
        fields = line.split()
        path = next((field for field in fields if field.startswith(str(portal.var))), None)
        if path and path.endswith(".sock"):
            queues[os.path.basename(path)] = int(fields[3])  # Send-Q: the listen queue's length
    assert sorted(queues) == ["portal-auth.sock", "portal-desk.sock", "portal-tenant.sock", "portal-tickets.sock"], listening
    assert set(queues.values()) == {expected}, queues
