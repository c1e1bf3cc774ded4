"""Provision Odoo 19.0 into a virtual environment of the repository's var/.

`make demo` and `make test` call ensure() (through harness.check_odoo()) when
their Python cannot import Odoo 19.0; it can also be run by hand:

    python3 -m scripts.provision [--var-dir DIR]

It fetches ODOO_REPO (a URL or a local clone, default Odoo's official
repository) at ODOO_REF (a branch, tag or commit, default 19.0) into
DIR/odoo with a shallow fetch, creates the virtual environment DIR/venv, installs
Odoo's Python requirements and this repository's requirements.txt and
test-requirements.txt into it, and makes the checkout importable there. On
Debian/Ubuntu it first installs, as root or with sudo, the system packages all
this builds against plus PostgreSQL and Chromium. A stamp in the virtual
environment records what was provisioned, so a second run reuses it.

Only the standard library is used: this runs before anything is installed.
Every failure is one sentence on stderr and exit status 2.
"""

import argparse
import ast
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MODULE = "hr_relationship"
MANIFEST = REPO / MODULE / "__manifest__.py"
# The pins of the addon's external Python dependencies (the manifest names
# them, this file fixes their versions), and what the tests need beyond Odoo.
REQUIREMENTS = REPO / "requirements.txt"
TEST_REQUIREMENTS = REPO / "test-requirements.txt"
DEFAULT_VAR = REPO / "var"
DEFAULT_ODOO_REPO = "https://github.com/odoo/odoo.git"
ODOO_SERIES = "19.0"
DEFAULT_ODOO_REF = ODOO_SERIES
STAMP = "hr_relationship-provision.json"
# In the checkout's .git: which ODOO_REPO and ODOO_REF it was fetched from.
SOURCE_STAMP = "hr_relationship-source.json"
# Debian packages the Python requirements build against (psycopg2 and
# python-ldap ship no wheels) and git, which fetches Odoo.
BUILD_PACKAGES = (
    "git",
    "gcc",
    "libpq-dev",
    "libldap2-dev",
    "libsasl2-dev",
    "libxml2-dev",
    "libxslt1-dev",
    "libjpeg-dev",
    "zlib1g-dev",
)
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# pip builds each source distribution (psycopg2, python-ldap, ...) in an
# isolated environment with the newest setuptools unless a constraint says
# otherwise; setuptools 81 removed pkg_resources, which the setup.py of older
# pins imports (cbor2 5.4.2, Odoo's pin for Python 3.11, fails to build).
BUILD_CONSTRAINTS = ("setuptools<81",)
# Several pins Odoo selects for Python 3.10 and 3.11 are source distributions
# that no longer build; those it selects for 3.12 ship wheels and work on
# older Pythons too, so older interpreters get the 3.12 selection.
MIN_MARKER_PYTHON = (3, 12)
SELECT_REQUIREMENTS = """
import sys
try:
    from packaging.markers import Marker
except ImportError:
    from pip._vendor.packaging.markers import Marker
env = {"python_version": sys.argv[2], "python_full_version": sys.argv[2] + ".0"}
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.split("#", 1)[0].strip()
    if not line:
        continue
    requirement, _sep, marker = line.partition(";")
    if not marker.strip() or Marker(marker.strip()).evaluate(env):
        print(requirement.strip())
"""


class ProvisionError(Exception):
    """A step that cannot be done; its message is one sentence for the user."""


def say(message):
    print(f"[provision] {message}", flush=True)


def run(cmd, log=None, **kwargs):
    """Run `cmd`; its output goes to `log` (a file path) when given."""
    if log is None:
        return subprocess.run(cmd, check=False, stdin=subprocess.DEVNULL, **kwargs)
    with open(log, "a", encoding="utf-8") as out:
        out.write(f"$ {' '.join(str(part) for part in cmd)}\n")
        out.flush()
        return subprocess.run(
            cmd,
            check=False,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            **kwargs,
        )


def last_error(log):
    """The last error line a command wrote to `log` (pip's "ERROR:", apt's
    "E:"), else its last line: the gist of a failure, for one sentence."""
    try:
        text = Path(log).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "no log"
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith(("ERROR:", "E:", "Error:"))]
    return (errors or lines or ["no output"])[-1]


def canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(line):
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", line)
    return canonical(match.group(1)) if match else None


def manifest_python_dependencies():
    """The manifest's external_dependencies['python'], as written there."""
    data = ast.literal_eval(MANIFEST.read_text(encoding="utf-8"))
    return list(data.get("external_dependencies", {}).get("python", []))


def pinned_requirements():
    """{canonical name: requirement line} of a requirements file."""
    pins = {}
    if not REQUIREMENTS.is_file():
        return pins
    for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            pins[requirement_name(line)] = line
    return pins


def check_pins():
    """Every Python dependency of the manifest must be pinned in requirements.txt."""
    pins = pinned_requirements()
    missing = [
        dep
        for dep in manifest_python_dependencies()
        if requirement_name(dep) not in pins
    ]
    if missing:
        raise ProvisionError(
            f"{MANIFEST.relative_to(REPO)} needs the Python package(s) "
            f"{', '.join(missing)}, which {REQUIREMENTS.name} does not pin: add a "
            "pinned line for each to it."
        )


def missing_python_dependencies():
    """The manifest's Python dependencies this interpreter lacks, checked the
    way Odoo does: an installed distribution, or else an importable module."""
    import importlib.metadata
    import importlib.util

    missing = []
    for dep in manifest_python_dependencies():
        name = re.split(r"[\s;<>=!~\[]", dep.strip(), maxsplit=1)[0]
        try:
            importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            if importlib.util.find_spec(name) is None:
                missing.append(dep)
    return missing


class Layout:
    """Where a provisioning lives: DIR/odoo (the checkout) and DIR/venv."""

    def __init__(self, var_dir, base_python):
        self.var = Path(var_dir).resolve()
        self.odoo = self.var / "odoo"
        self.venv = self.var / "venv"
        self.python = self.venv / "bin" / "python"
        self.stamp = self.venv / STAMP
        self.log = self.var / "log" / "provision.log"
        self.base_python = base_python
        self.odoo_repo = os.environ.get("ODOO_REPO") or DEFAULT_ODOO_REPO
        self.odoo_ref = os.environ.get("ODOO_REF") or DEFAULT_ODOO_REF

    def fetch_url(self):
        """A local clone as a file:// URL, so that git honours --depth."""
        path = Path(self.odoo_repo).expanduser()
        if "://" not in self.odoo_repo and path.exists():
            return path.resolve().as_uri()
        return self.odoo_repo


def python_version(python):
    try:
        out = subprocess.run(
            [python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:  # not there, or not executable
        out = None
    if out is None or out.returncode:
        raise ProvisionError(f"The Python interpreter {python} does not run.")
    return tuple(int(n) for n in out.stdout.strip().split("."))


def marker_python(python):
    version = max(python_version(python), MIN_MARKER_PYTHON)
    return "%d.%d" % version


def requirements_digest(layout, marker_version):
    digest = hashlib.sha256(marker_version.encode())
    for path in (layout.odoo / "requirements.txt", REQUIREMENTS, TEST_REQUIREMENTS):
        digest.update(path.read_bytes() if path.is_file() else b"")
    return digest.hexdigest()


def git_head(checkout):
    # Without its own .git, git would answer for the repository around it.
    if not (checkout / ".git").is_dir():
        return None
    out = subprocess.run(
        ["git", "-C", str(checkout), "rev-parse", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    )
    return out.stdout.strip() if out.returncode == 0 else None


def read_json(path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def imports_odoo(python):
    """Whether `python` imports Odoo of ODOO_SERIES."""
    out = subprocess.run(
        [str(python), "-c", "import odoo.release; print(odoo.release.version)"],
        capture_output=True,
        text=True,
        check=False,
    )
    return out.returncode == 0 and out.stdout.strip().startswith(ODOO_SERIES)


# --- system packages ----------------------------------------------------------


def debian_missing(packages):
    out = subprocess.run(
        ["dpkg-query", "-W", "-f=${Package} ${db:Status-Status}\\n", *packages],
        capture_output=True,
        text=True,
        check=False,
    )
    installed = {
        line.split()[0]
        for line in out.stdout.splitlines()
        if line.endswith(" installed")
    }
    return [package for package in packages if package not in installed]


def wanted_system_packages(layout):
    packages = list(BUILD_PACKAGES)
    headers = subprocess.run(
        [
            layout.base_python,
            "-c",
            "import os, sysconfig; "
            "print(os.path.isfile(os.path.join("
            "sysconfig.get_paths()['include'], 'Python.h')))",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if headers.stdout.strip() != "True":
        packages.append("python3-dev")
    has_venv = subprocess.run(
        [layout.base_python, "-c", "import ensurepip, venv"],
        capture_output=True,
        check=False,
    )
    if has_venv.returncode:
        packages.append("python3-venv")
    # A remote PostgreSQL needs no local server; the harness starts a local one.
    if not os.environ.get("PGHOST"):
        packages.append("postgresql")
    if not any(shutil.which(browser) for browser in BROWSERS):
        packages.append("chromium")
    return packages


def ensure_system_packages(layout):
    """On Debian/Ubuntu, apt-get install what is missing (as root or with sudo)."""
    if not shutil.which("dpkg-query") or not shutil.which("apt-get"):
        say("not a Debian/Ubuntu system: skipping the system packages check")
        return
    missing = debian_missing(wanted_system_packages(layout))
    if not missing:
        return
    names = " ".join(missing)
    if os.geteuid() == 0:
        prefix = []
    elif shutil.which("sudo") and run(["sudo", "-n", "true"]).returncode == 0:
        prefix = ["sudo", "-n"]
    else:
        what = "packages are" if len(missing) > 1 else "package is"
        raise ProvisionError(
            f"The system {what} missing ({names}) and installing needs root: run "
            f"`sudo apt-get install {names}`, then run the command again."
        )
    say(f"installing the system packages {names} (log: {layout.log})")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    steps = (
        ["apt-get", "update", "-q"],
        ["apt-get", "install", "-y", "-q", "--no-install-recommends", *missing],
    )
    for step in steps:
        if run(prefix + step, log=layout.log, env=env).returncode:
            raise ProvisionError(
                f"`{' '.join(step[:2])}` failed while installing the system "
                f"packages {names} ({last_error(layout.log)}; see {layout.log})."
            )


# --- Odoo source --------------------------------------------------------------


def odoo_version_info(checkout):
    release = (checkout / "odoo" / "release.py").read_text(encoding="utf-8")
    match = re.search(r"^version_info = \((\d+), (\d+)", release, re.M)
    return (int(match.group(1)), int(match.group(2))) if match else None


def fetch_odoo(layout):
    """A shallow checkout of ODOO_REPO at ODOO_REF in DIR/odoo."""
    if not shutil.which("git"):
        raise ProvisionError(
            f"git is needed to fetch Odoo {ODOO_SERIES} but is not installed."
        )
    partial = layout.odoo.with_name(layout.odoo.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    say(f"fetching Odoo {layout.odoo_ref} from {layout.odoo_repo} into {layout.odoo}")
    # Fetching the single ref by name works for a branch, a tag and (from
    # GitHub or a local clone) a commit, and --depth 1 keeps it small.
    env = dict(os.environ, GIT_TERMINAL_PROMPT="0")
    steps = (
        ["git", "init", "-q", str(partial)],
        [
            "git",
            "-C",
            str(partial),
            "-c",
            "http.lowSpeedLimit=1000",
            "-c",
            "http.lowSpeedTime=60",
            "fetch",
            "-q",
            "--depth",
            "1",
            layout.fetch_url(),
            layout.odoo_ref,
        ],
        ["git", "-C", str(partial), "checkout", "-q", "--detach", "FETCH_HEAD"],
    )
    for step in steps:
        out = subprocess.run(step, capture_output=True, text=True, check=False, env=env)
        if out.returncode:
            shutil.rmtree(partial, ignore_errors=True)
            lines = (out.stderr or out.stdout).strip().splitlines()
            # git's first "fatal:" line says what went wrong; advice follows it.
            errors = [line for line in lines if line.startswith(("fatal:", "error:"))]
            reason = (errors or lines or [f"exit code {out.returncode}"])[0]
            raise ProvisionError(
                f"Cannot fetch Odoo {layout.odoo_ref} from {layout.odoo_repo} "
                f"({reason}); set ODOO_REPO to a reachable clone of Odoo {ODOO_SERIES} "
                "(a URL or a local path) and ODOO_REF to a branch or commit in it."
            )
    version = odoo_version_info(partial)
    if version is None or "%d.%d" % version != ODOO_SERIES:
        shutil.rmtree(partial, ignore_errors=True)
        found = "%d.%d" % version if version else "no Odoo at all"
        raise ProvisionError(
            f"{layout.odoo_repo} at {layout.odoo_ref} holds {found}, not Odoo "
            f"{ODOO_SERIES}: point ODOO_REPO/ODOO_REF at Odoo {ODOO_SERIES}."
        )
    source = {"odoo_repo": layout.odoo_repo, "odoo_ref": layout.odoo_ref}
    (partial / ".git" / SOURCE_STAMP).write_text(json.dumps(source), encoding="utf-8")
    shutil.rmtree(layout.odoo, ignore_errors=True)
    partial.rename(layout.odoo)


# --- virtual environment ------------------------------------------------------


def pip_environment(layout):
    """The environment of pip: BUILD_CONSTRAINTS added to PIP_CONSTRAINT, which
    pip also applies to the isolated environments it builds sdists in."""
    constraints = layout.venv / "build-constraints.txt"
    constraints.write_text("\n".join(BUILD_CONSTRAINTS) + "\n", encoding="utf-8")
    # pip splits PIP_CONSTRAINT at whitespace; keep what the caller set.
    given = os.environ.get("PIP_CONSTRAINT", "").split()
    return dict(os.environ, PIP_CONSTRAINT=" ".join([*given, str(constraints)]))


def pip(layout, *args):
    cmd = [
        str(layout.python),
        "-m",
        "pip",
        "install",
        "--disable-pip-version-check",
        "--no-input",
        *args,
    ]
    if run(cmd, log=layout.log, env=pip_environment(layout)).returncode:
        raise ProvisionError(
            f"pip could not install {args[-1]} into {layout.venv} "
            f"({last_error(layout.log)}; see {layout.log})."
        )


def build_venv(layout, marker_version):
    base_version = python_version(layout.base_python)
    if layout.python.exists() and python_version(layout.python) != base_version:
        say(f"{layout.venv} was made from another Python: making it again")
        shutil.rmtree(layout.venv)
    if not layout.python.exists():
        say(f"creating the virtual environment {layout.venv}")
        shutil.rmtree(layout.venv, ignore_errors=True)
        cmd = [layout.base_python, "-m", "venv", str(layout.venv)]
        if run(cmd, log=layout.log).returncode:
            raise ProvisionError(
                f"`{layout.base_python} -m venv` could not create {layout.venv} "
                f"({last_error(layout.log)}; on Debian/Ubuntu install python3-venv)."
            )
    selected = layout.venv / "odoo-requirements.txt"
    out = subprocess.run(
        [
            str(layout.python),
            "-c",
            SELECT_REQUIREMENTS,
            str(layout.odoo / "requirements.txt"),
            marker_version,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode:
        lines = out.stderr.strip().splitlines() or [f"exit code {out.returncode}"]
        raise ProvisionError(
            f"Cannot read {layout.odoo / 'requirements.txt'} ({lines[-1]})."
        )
    selected.write_text(out.stdout, encoding="utf-8")
    say(
        f"installing Odoo's Python requirements as selected for Python "
        f"{marker_version} (log: {layout.log})"
    )
    pip(layout, "-r", str(selected))
    # A .pth file makes the checkout importable without copying or building it.
    purelib = subprocess.run(
        [
            str(layout.python),
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['purelib'])",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(purelib, "odoo-source.pth").write_text(f"{layout.odoo}\n", encoding="utf-8")
    say(f"installing {REQUIREMENTS.name} and {TEST_REQUIREMENTS.name}")
    for path in (REQUIREMENTS, TEST_REQUIREMENTS):
        if path.is_file():
            pip(layout, "-r", str(path))


def ensure(var_dir=DEFAULT_VAR, base_python=sys.executable):
    """Provision (or reuse) Odoo 19.0 in var_dir; return the venv's python."""
    layout = Layout(var_dir, base_python)
    layout.log.parent.mkdir(parents=True, exist_ok=True)
    check_pins()
    marker_version = marker_python(base_python)
    stamp = read_json(layout.stamp)
    wanted = {
        "odoo_repo": layout.odoo_repo,
        "odoo_ref": layout.odoo_ref,
        "python": "%d.%d" % python_version(base_python),
    }
    same_source = read_json(layout.odoo / ".git" / SOURCE_STAMP) == {
        "odoo_repo": layout.odoo_repo,
        "odoo_ref": layout.odoo_ref,
    }
    if (
        all(stamp.get(key) == value for key, value in wanted.items())
        and same_source
        and stamp.get("odoo_commit") == git_head(layout.odoo)
        and stamp.get("requirements") == requirements_digest(layout, marker_version)
        and imports_odoo(layout.python)
    ):
        say(f"reusing Odoo {stamp['odoo_commit'][:12]} in {layout.venv}")
        return layout.python

    say(f"provisioning Odoo {ODOO_SERIES} into {layout.var}")
    ensure_system_packages(layout)
    if same_source and git_head(layout.odoo):
        say(f"reusing the Odoo checkout {layout.odoo}")
    else:
        fetch_odoo(layout)
    layout.stamp.unlink(missing_ok=True)
    build_venv(layout, marker_version)
    if not imports_odoo(layout.python):
        raise ProvisionError(
            f"{layout.python} still cannot import Odoo {ODOO_SERIES} after "
            f"provisioning (see {layout.log})."
        )
    stamp = dict(
        wanted,
        odoo_commit=git_head(layout.odoo),
        requirements=requirements_digest(layout, marker_version),
    )
    layout.stamp.write_text(json.dumps(stamp, indent=2) + "\n", encoding="utf-8")
    say(f"Odoo {stamp['odoo_commit'][:12]} is ready in {layout.venv}")
    return layout.python


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--var-dir",
        default=str(DEFAULT_VAR),
        help="where to put odoo/ and venv/ (default: the repository's var/)",
    )
    parser.add_argument(
        "--python",
        default=sys.executable,
        help="the interpreter the virtual environment is made from",
    )
    args = parser.parse_args(argv)
    try:
        python = ensure(args.var_dir, args.python)
    except ProvisionError as exc:
        print(exc, file=sys.stderr, flush=True)
        return 2
    print(python)
    return 0


if __name__ == "__main__":
    sys.exit(main())
