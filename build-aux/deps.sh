# build-aux/deps.sh: the Debian/Ubuntu packages Pathways needs, and a function that installs
# the missing ones. Sourced by build-aux/run and build-aux/test.
# SPDX-License-Identifier: GPL-3.0-or-later

PATHWAYS_BUILD_DEPS="meson ninja-build pkg-config gcc libglib2.0-dev libglib2.0-dev-bin
  libgtk-4-dev libadwaita-1-dev libcmark-dev libsqlite3-dev gettext desktop-file-utils
  appstream librsvg2-common"
PATHWAYS_TEST_DEPS="xvfb xauth dbus at-spi2-core python3-gi gir1.2-atspi-2.0 xdotool xclip cmark
  poppler-utils"
# build-aux/flatpak-smoke: the sandbox, the stand-in runtime's tools, the portals' libraries.
PATHWAYS_FLATPAK_SMOKE_DEPS="flatpak flatpak-builder debootstrap elfutils bubblewrap ostree
  xdotool fuse3 libgtk-3-0 libpipewire-0.3-0"

# pathways_ensure_deps PACKAGE...: install what is missing (as root), or say how and stop.
pathways_ensure_deps () {
  local missing="" pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' \
      || missing="$missing $pkg"
  done
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" = 0 ]; then
    echo "Installing:$missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2 || true
    apt-get install -y -q --no-install-recommends $missing >&2
  else
    echo "Pathways needs some packages first. Run:" >&2
    echo "  sudo apt-get install$missing" >&2
    exit 1
  fi
}

# pathways_build BUILDDIR [MESON_OPTION...]: configure once, then build.
pathways_build () {
  local builddir=$1; shift
  if [ ! -f "$builddir/build.ninja" ]; then
    meson setup "$builddir" "$PATHWAYS_SOURCE_DIR" "$@"
  fi
  ninja -C "$builddir"
}
