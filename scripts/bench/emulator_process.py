"""Helpers shared by the scripts that drive `cabatch` against a `cabatch emulator` on 127.0.0.1
(the execution benchmark, the crash soak): the environment their processes run in, a
`cabatch emulator` child process, the children to end when the script itself is stopped, and
the medians and number formats the benchmarks print. Standard library only."""
import datetime
import os
import signal
import statistics
import subprocess
import sys
import time

# The AWS documentation's example key pair, which the emulator accepts by default; nothing
# from the caller's AWS configuration, and no proxy for loopback.
ENV = dict(os.environ, AWS_ACCESS_KEY_ID="AKIDEXAMPLE",
           AWS_SECRET_ACCESS_KEY="wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
           AWS_REGION="us-east-1", AWS_EC2_METADATA_DISABLED="true",
           AWS_CONFIG_FILE="/dev/null", AWS_SHARED_CREDENTIALS_FILE="/dev/null",
           NO_PROXY="127.0.0.1", no_proxy="127.0.0.1")
for var in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_CODEARTIFACT",
            "AWS_DEFAULT_REGION", "HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"):
    ENV.pop(var, None)


LIVE = set()  # child processes to end if the script itself is stopped


def on_signal(signum, _frame):
    """SIGTERM/SIGINT handler: kills every live child, then exits 128 + signum."""
    for proc in list(LIVE):
        if proc.poll() is None:
            proc.kill()
    sys.exit(128 + signum)


def log(msg):
    print(f"[{datetime.datetime.now():%H:%M:%S}] {msg}", file=sys.stderr, flush=True)


class Emulator:
    """A `cabatch emulator` process on 127.0.0.1 with a fresh copy of the inventory; `state` is
    its --state-out file, `log` its --log file (when `with_log`), `out` its standard output."""

    def __init__(self, binary, inventory, workdir, tag, faults, seed, with_log):
        self.state = os.path.join(workdir, f"{tag}.state.jsonl")
        self.log = os.path.join(workdir, f"{tag}.emulator.log") if with_log else None
        self.out = os.path.join(workdir, f"{tag}.emulator.out")
        for path in (self.state, self.log, self.out):
            if path and os.path.exists(path):
                os.remove(path)
        cmd = [binary, "emulator", "--port", "0", "--inventory", inventory, "--state-out", self.state,
               "--seed", str(seed)] + faults
        if self.log:
            cmd += ["--log", self.log]
        self.stdout = open(self.out, "wb")
        self.proc = subprocess.Popen(cmd, stdout=self.stdout, stderr=subprocess.STDOUT, env=ENV)
        LIVE.add(self.proc)
        deadline = time.monotonic() + 60
        self.url = None
        while time.monotonic() < deadline and self.url is None:
            if self.proc.poll() is not None:
                raise RuntimeError(f"emulator exited {self.proc.returncode}: {open(self.out).read()[-2000:]}")
            with open(self.out, "rb") as f:
                first = f.readline().decode(errors="replace")
            if first.startswith("listening on http://127.0.0.1:") and first.endswith("\n"):
                self.url = first.split()[-1]
            else:
                time.sleep(0.05)
        if self.url is None:
            self.proc.kill()
            raise RuntimeError("emulator did not print its address within 60 s")

    def alive(self):
        """True while the emulator runs (without reaping it)."""
        if self.proc.returncode is not None:
            return False
        try:
            return os.waitid(os.P_PID, self.proc.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is None
        except ChildProcessError:
            return False

    def stop(self):
        """SIGTERM (writes the state file), bounded; returns the emulator's CPU seconds."""
        self.exited_early = not self.alive()
        if not self.exited_early:
            os.kill(self.proc.pid, signal.SIGTERM)
        deadline = time.monotonic() + 180
        while True:
            try:
                pid, status, usage = os.wait4(self.proc.pid, os.WNOHANG)
            except ChildProcessError:  # already reaped (only when the script is being stopped)
                self.stdout.close()
                return None
            if pid:
                self.proc.returncode = os.waitstatus_to_exitcode(status)
                break
            if time.monotonic() > deadline:
                self.proc.kill()
                self.proc.wait()
                raise RuntimeError("emulator did not exit within 180 s of SIGTERM")
            time.sleep(0.05)
        LIVE.discard(self.proc)
        self.stdout.close()
        return usage.ru_utime + usage.ru_stime


def med(values):
    """The median of the values that are there, or None."""
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(v, spec):
    """`v` formatted, or "-" when it is missing."""
    return "-" if v is None else format(v, spec)
