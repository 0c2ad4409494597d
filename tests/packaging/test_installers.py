"""What can be checked here of the installers: the Linux desktop entry and AppStream
metadata pass their validators, the icon exists at every size desktops look for, the .deb
puts the command where the desktop entry runs it, and the Windows installer (which can
only be built on Windows, by .github/workflows/windows.yml) is well-formed WiX naming
files that exist: in the repository, or executables the PyInstaller spec builds.

The bundle itself is built and run by `packaging/build-linux` and `packaging/smoke-test`
(minutes of work, so not part of this suite)."""

from __future__ import annotations

import ast
import re
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from frontdesk import __version__

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
LINUX = PACKAGING / "linux"
DESKTOP = LINUX / "org.frontdesk.Frontdesk.desktop"
METAINFO = LINUX / "org.frontdesk.Frontdesk.metainfo.xml"
WXS = PACKAGING / "windows" / "frontdesk.wxs"
WIX = "{http://wixtoolset.org/schemas/v4/wxs}"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def validator(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed here (scripts/system-packages installs it)")
    return found


def desktop_entry() -> dict[str, str]:
    lines = DESKTOP.read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line)


def test_the_desktop_entry_is_valid() -> None:
    done = subprocess.run(
        [validator("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True
    )
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr


def test_the_appstream_metadata_is_valid() -> None:
    done = subprocess.run(
        [validator("appstreamcli"), "validate", "--no-net", "--explain", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "E:" not in done.stdout and "W:" not in done.stdout, done.stdout


def test_the_metadata_describes_this_release_and_shows_real_screenshots() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == "org.frontdesk.Frontdesk"
    assert root.find("launchable").text == DESKTOP.name  # type: ignore[union-attr]
    releases = [r.get("version") for r in root.iter("release")]
    assert releases[0] == __version__, "a new release needs its line in the metainfo"
    images = [image.text or "" for image in root.iter("image")]
    assert images
    for url in images:
        local = REPO / "docs" / "screenshots" / url.rsplit("/docs/screenshots/", 1)[1]
        assert local.is_file(), f"{url} is not one of docs/screenshots"


def test_the_icon_is_drawn_once_and_rendered_at_every_size() -> None:
    svg = ET.parse(LINUX / "icons" / "frontdesk.svg").getroot()
    assert svg.get("viewBox") == "0 0 256 256"
    for size in ICON_SIZES:
        data = (LINUX / "icons" / f"frontdesk-{size}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", data[16:24]) == (size, size)
    assert (PACKAGING / "windows" / "frontdesk.ico").read_bytes()[:4] == b"\0\0\1\0"


def test_the_deb_installs_what_the_desktop_entry_names() -> None:
    entry = desktop_entry()
    script = (LINUX / "build-deb").read_text(encoding="utf-8")
    command = entry["Exec"].split()[0]
    assert f'ln -s /opt/frontdesk/frontdesk "$root/usr/bin/{command}"' in script
    assert entry["Icon"] == "org.frontdesk.Frontdesk"
    assert "apps/org.frontdesk.Frontdesk.svg" in script
    assert "apps/org.frontdesk.Frontdesk.png" in script
    assert "dist/frontdesk_${version}_amd64.deb" in script


def spec_executables() -> set[str]:
    """The `name=` of every EXE(...) the PyInstaller spec builds."""
    tree = ast.parse((PACKAGING / "frontdesk.spec").read_text(encoding="utf-8"))
    return {
        keyword.value.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "EXE"
        for keyword in node.keywords
        if keyword.arg == "name" and isinstance(keyword.value, ast.Constant)
    }


def test_the_windows_installer_is_well_formed_wix_for_a_per_machine_install() -> None:
    root = ET.parse(WXS).getroot()
    assert root.tag == f"{WIX}Wix"
    package = root.find(f"{WIX}Package")
    assert package is not None and package.get("Scope") == "perMachine"
    guid = r"[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}"
    assert re.fullmatch(guid, package.get("UpgradeCode", ""))
    assert package.find(f"{WIX}MajorUpgrade") is not None  # a new version replaces the old
    shortcuts = list(root.iter(f"{WIX}Shortcut"))
    assert [s.get("Directory") for s in shortcuts] == ["ProgramMenuFolder"]


def test_the_windows_installer_names_only_files_that_exist() -> None:
    root = ET.parse(WXS).getroot()
    sources = [
        element.get(attribute, "")
        for element in root.iter()
        for attribute in ("Source", "SourceFile", "Include", "Files")
        if element.get(attribute)
    ]
    assert sources
    built = spec_executables()
    for source in sources:
        if source.startswith("$(sys.SOURCEFILEDIR)"):
            path = WXS.parent / source.removeprefix("$(sys.SOURCEFILEDIR)").replace("\\", "/")
            assert path.resolve().is_file(), f"{source}: no such file in the repository"
        elif source.startswith("$(var.BundleDir)\\"):
            inside = source.removeprefix("$(var.BundleDir)\\")
            if inside == "**":
                continue  # the whole bundle
            assert inside.endswith(".exe") and inside[:-4] in built, (
                f"{source}: the spec builds no such executable ({sorted(built)})"
            )
        else:
            pytest.fail(f"{source}: neither a repository file nor part of the bundle")


def test_the_spec_builds_the_command_and_a_windowed_app_for_windows() -> None:
    assert spec_executables() == {"frontdesk", "frontdeskw"}


def test_pyinstaller_is_a_packaging_extra_not_a_runtime_dependency() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert not any(d.lower().startswith("pyinstaller") for d in project["dependencies"])
    assert any(d.startswith("pyinstaller") for d in project["optional-dependencies"]["packaging"])


def test_ci_has_the_validators_these_tests_use() -> None:
    packages = (REPO / "scripts" / "system-packages").read_text(encoding="utf-8")
    assert "desktop-file-utils" in packages and "appstream" in packages


def test_the_windows_workflow_builds_the_msi_from_the_spec() -> None:
    workflow = (REPO / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    assert "runs-on: windows-" in workflow
    assert "packaging\\frontdesk.spec" in workflow
    assert "packaging\\windows\\frontdesk.wxs" in workflow
    assert "/qn" in workflow
