"""scripts/provision.py on small local git repositories: fetching by commit,
refusing what is not Odoo 19.0, selecting Odoo's requirements, constraining
the builds of source distributions and checking the addon's pins. No network,
no Odoo server; the full provisioning from a clone of Odoo 19.0 is checked by
.ci/run."""

import subprocess
import sys
import tempfile
import unittest
from pathlib import Path
from unittest import mock

from scripts import provision

REQUIREMENTS = """\
# a comment line
Babel==2.10.3 ; python_version >= '3.11' and python_version < '3.13'
Babel==2.17.0 ; python_version >= '3.13'
psycopg2==2.9.5 ; python_version == '3.11'
psycopg2==2.9.9 ; python_version >= '3.12' and python_version < '3.13' # (Noble)
pytz  # no version pinning
pypiwin32 ; sys_platform == 'win32'
"""


def git(*args, cwd):
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout.strip()


def make_repo(path, version_info):
    """A git repository shaped like Odoo's, at two commits; return both ids."""
    (path / "odoo").mkdir(parents=True)
    git("init", "-q", cwd=path)
    release = path / "odoo" / "release.py"
    (path / "requirements.txt").write_text(REQUIREMENTS)
    commits = []
    for minor in (0, 1):
        release.write_text(f"version_info = {version_info} + ({minor},)\n")
        git("add", ".", cwd=path)
        git(
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.com",
            "commit",
            "-qm",
            f"commit {minor}",
            cwd=path,
        )
        commits.append(git("rev-parse", "HEAD", cwd=path))
    return commits


class TestProvision(unittest.TestCase):
    def setUp(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.tmp = Path(tmp.name)

    def layout(self, repo, ref):
        env = {"ODOO_REPO": str(repo), "ODOO_REF": ref}
        with mock.patch.dict("os.environ", env):
            return provision.Layout(self.tmp / "var", sys.executable)

    def test_fetches_an_older_commit_of_a_local_clone_shallowly(self):
        repo = self.tmp / "odoo-src"
        first, _second = make_repo(repo, "(19, 0)")
        layout = self.layout(repo, first)
        provision.fetch_odoo(layout)
        self.assertEqual(provision.git_head(layout.odoo), first)
        self.assertEqual(
            git("rev-parse", "--is-shallow-repository", cwd=layout.odoo), "true"
        )
        self.assertEqual(
            provision.read_json(layout.odoo / ".git" / provision.SOURCE_STAMP),
            {"odoo_repo": str(repo), "odoo_ref": first},
        )

    def test_refuses_another_odoo_version(self):
        repo = self.tmp / "odoo18"
        make_repo(repo, "(18, 0)")
        layout = self.layout(repo, "HEAD")
        with self.assertRaisesRegex(provision.ProvisionError, "18.0, not Odoo 19.0"):
            provision.fetch_odoo(layout)
        self.assertFalse(layout.odoo.exists())
        self.assertFalse(layout.odoo.with_name("odoo.partial").exists())

    def test_unreachable_repository_is_one_sentence(self):
        layout = self.layout(self.tmp / "missing", "19.0")
        with self.assertRaises(provision.ProvisionError) as caught:
            provision.fetch_odoo(layout)
        message = str(caught.exception)
        self.assertIn("does not appear to be a git repository", message)
        self.assertNotIn("\n", message)

    def test_missing_interpreter_is_one_sentence(self):
        missing = self.tmp / "no-python"
        with self.assertRaisesRegex(provision.ProvisionError, "does not run"):
            provision.python_version(str(missing))

    def test_selects_requirements_as_python_312_would(self):
        path = self.tmp / "requirements.txt"
        path.write_text(REQUIREMENTS)
        out = subprocess.run(
            [sys.executable, "-c", provision.SELECT_REQUIREMENTS, str(path), "3.12"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        self.assertEqual(out, ["Babel==2.10.3", "psycopg2==2.9.9", "pytz"])
        self.assertEqual(provision.marker_python(sys.executable)[:2], "3.")
        self.assertGreaterEqual(
            tuple(map(int, provision.marker_python(sys.executable).split("."))),
            (3, 12),
        )

    def test_pip_builds_with_old_setuptools_and_the_callers_constraints(self):
        layout = self.layout(self.tmp / "odoo-src", "19.0")
        layout.venv.mkdir(parents=True)
        given = self.tmp / "given.txt"
        with mock.patch.dict("os.environ", {"PIP_CONSTRAINT": str(given)}):
            env = provision.pip_environment(layout)
        files = env["PIP_CONSTRAINT"].split()
        self.assertEqual(files[0], str(given))
        self.assertEqual(len(files), 2)
        self.assertIn("setuptools<81", Path(files[1]).read_text().split())

    def test_manifest_dependency_needs_a_pin(self):
        manifest = self.tmp / "__manifest__.py"
        manifest.write_text(
            repr({"external_dependencies": {"python": ["networkx>=3", "lxml"]}})
        )
        pins = self.tmp / "requirements.txt"
        pins.write_text("lxml==5.2.1\n")
        with (
            mock.patch.object(provision, "REPO", self.tmp),
            mock.patch.object(provision, "MANIFEST", manifest),
            mock.patch.object(provision, "REQUIREMENTS", pins),
        ):
            with self.assertRaisesRegex(provision.ProvisionError, "networkx>=3,"):
                provision.check_pins()
            pins.write_text("lxml==5.2.1\nNetworkX==3.2.1  # the map\n")
            provision.check_pins()

    def test_every_manifest_dependency_is_pinned(self):
        provision.check_pins()


if __name__ == "__main__":
    unittest.main()
