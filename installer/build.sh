#!/usr/bin/env bash
# Builds BounceDesk's installers with the JDK's jlink and jpackage (see installer/README.md).
#
#   bash installer/build.sh [--types "app-image deb"] [--target DIR] [--dest DIR]
#                           [--version VERSION] [--app-version X.Y.Z] [--java-home JDK]
#
# Normally run by Maven: `mvn -Pinstaller package`. It needs what `mvn package` leaves:
# target/bouncedesk.jar and its dependencies in target/lib/ (the JavaFX jars among them).
#
#   --types        what to build; default per system: Linux "app-image deb", macOS "app-image dmg",
#                  Windows (Git Bash) "app-image msi". Packages are made from the app image.
#   --target       Maven's build directory (default: target/ beside this folder)
#   --dest         where the results go (default: TARGET/installer)
#   --version      the product version (default: the one Maven filtered into target/classes)
#   --app-version  the numeric version given to jpackage (default: VERSION up to its first
#                  non-numeric part, e.g. 0.2.0-SNAPSHOT -> 0.2.0)
#   --java-home    the JDK whose jlink, jpackage and jmods are used (default: JAVA_HOME, else javac's)
#
# Exit codes: 0 built, 1 failed, 2 usage, 3 a needed tool is missing (the message names the package).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
target="$root/target"
dest=""
types=""
version=""
app_version=""
java_home="${JAVA_HOME:-}"

die() { local code="$1"; shift; echo "installer: $*" >&2; exit "$code"; }
say() { echo "installer: $*"; }

# Options as "--name value" or "--name=value" (Maven passes the latter, which may be empty).
while [ $# -gt 0 ]; do
  opt="$1"
  if [[ "$opt" == --*=* ]]; then
    value="${opt#*=}"; opt="${opt%%=*}"; shift
  elif [ $# -ge 2 ]; then
    value="$2"; shift 2
  else
    value=""; shift
  fi
  case "$opt" in
    --types) types="$value" ;;
    --target) target="$value" ;;
    --dest) dest="$value" ;;
    --version) version="$value" ;;
    --app-version) app_version="$value" ;;
    --java-home) java_home="$value" ;;
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *) die 2 "unknown option '$opt' (see --help)" ;;
  esac
done

# --- the system ----------------------------------------------------------------------------------
exe=""
sep=":"
case "$(uname -s)" in
  Linux) os=linux; name=bouncedesk; default_types="app-image deb" ;;
  Darwin) os=macos; name=BounceDesk; default_types="app-image dmg" ;;
  MINGW* | MSYS* | CYGWIN*) os=windows; name=BounceDesk; default_types="app-image msi"; exe=".exe"; sep=";" ;;
  *) die 1 "unsupported system $(uname -s)" ;;
esac
types="${types:-$default_types}"
dest="${dest:-$target/installer}"
# Absolute paths: jpackage runs from installer/ so that the option files can name their files.
[ -d "$target" ] || die 1 "no build directory $target: run 'mvn package' first"
target="$(cd "$target" && pwd)"
mkdir -p "$dest"
dest="$(cd "$dest" && pwd)"

# Windows tools want Windows paths; elsewhere a path is a path.
native() { if [ "$os" = windows ] && command -v cygpath >/dev/null; then cygpath -w "$1"; else printf '%s' "$1"; fi; }

# --- the JDK -------------------------------------------------------------------------------------
if [ -z "$java_home" ]; then
  javac_path="$(command -v javac || true)"
  [ -n "$javac_path" ] || die 3 "no JDK found: set JAVA_HOME or pass --java-home"
  java_home="$(dirname "$(dirname "$(readlink -f "$javac_path" 2>/dev/null || echo "$javac_path")")")"
fi
jlink="$java_home/bin/jlink$exe"
jpackage="$java_home/bin/jpackage$exe"
if [ ! -x "$jlink" ] || [ ! -x "$jpackage" ]; then
  die 3 "no jlink/jpackage in $java_home: a full JDK 17 or newer is needed (Debian: apt-get install openjdk-17-jdk-headless)"
fi
[ -f "$java_home/jmods/java.base.jmod" ] \
  || die 3 "no jmods in $java_home/jmods, which jlink needs (Debian 12: they come with openjdk-17-jdk-headless; Debian 13 and Ubuntu: apt-get install openjdk-17-jmods)"

# --- what Maven built ----------------------------------------------------------------------------
jar="$target/bouncedesk.jar"
[ -f "$jar" ] && [ -d "$target/lib" ] \
  || die 1 "no $jar with target/lib/ beside it: run 'mvn package' first (or 'mvn -Pinstaller package')"
if [ -z "$version" ]; then
  props="$target/classes/io/bouncedesk/version.properties"
  [ -f "$props" ] && version="$(sed -n 's/^version=//p' "$props" | tr -d '\r')"
fi
[ -n "$version" ] || die 1 "no version: pass --version"
if [ -z "$app_version" ]; then
  app_version="$(printf '%s' "$version" | sed -nE 's/^([0-9]+(\.[0-9]+){0,2}).*/\1/p')"
fi
[[ "$app_version" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || die 1 "jpackage needs a numeric version such as 1.2.3, not '$app_version' (pass --app-version)"
if [ "$os" = macos ] && [[ "$app_version" == 0* ]]; then
  die 1 "jpackage on macOS refuses a version whose first number is 0 ($app_version): pass --app-version 1.0.0 (Maven: -Dinstaller.appVersion=1.0.0); 'bouncedesk --version' still prints $version"
fi

# --- staging: JavaFX modules apart, everything else on the class path ----------------------------
work="${dest:?}/work"
rm -rf "$work"
mkdir -p "$work/fx" "$work/input/lib"
for f in "$target/lib"/*.jar; do
  base="$(basename "$f")"
  case "$base" in
    # The platform jars (javafx-graphics-21.0.5-linux.jar, ...) are real modules with their natives;
    # they go into the runtime image. The empty jars without a classifier are only Maven's glue.
    javafx-*-[0-9]*-*.jar) cp "$f" "$work/fx/" ;;
    javafx-*.jar) ;;
    *) cp "$f" "$work/input/lib/" ;;
  esac
done
ls "$work/fx"/javafx-graphics-*.jar >/dev/null 2>&1 || die 1 "no JavaFX platform jars in $target/lib"
# The jar's manifest Class-Path still names lib/javafx-*.jar; those files are absent from the image,
# and the JVM skips missing Class-Path entries, so JavaFX comes only from the runtime's modules.
cp "$jar" "$work/input/"

# --- the runtime: the JDK modules the app uses, and JavaFX ---------------------------------------
# Found with: jdeps --print-module-deps --ignore-missing-deps --multi-release 17 \
#               --module-path <javafx jars> --class-path 'lib/*' bouncedesk.jar lib/*.jar
# plus what jdeps cannot see: charsets of old mail and CSV files (jdk.charsets), date and number
# formats of every locale (jdk.localedata), TLS with EC keys (jdk.crypto.ec), zip file systems,
# logging and sun.misc.Unsafe for libraries that look for them.
modules="java.base,java.desktop,java.logging,java.management,java.naming,java.prefs,java.security.sasl"
modules="$modules,java.sql,java.xml,jdk.charsets,jdk.crypto.ec,jdk.localedata,jdk.unsupported,jdk.zipfs"
modules="$modules,javafx.base,javafx.graphics,javafx.controls,javafx.swing"

say "jlink: $modules"
"$jlink" \
  --module-path "$(native "$java_home/jmods")$sep$(native "$work/fx")" \
  --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages --strip-native-commands \
  --compress=2 \
  --output "$(native "$work/runtime")"

# JavaFX loads its native libraries from the runtime's lib/ folder when they are there; otherwise it
# unpacks them into ~/.openjfx/cache on first start. Put them where the installed program finds them.
if [ "$os" = linux ] || [ "$os" = macos ]; then
  libdir="$work/runtime/lib"
else
  libdir="$work/runtime/bin"
fi
for f in "$work/fx"/*.jar; do
  natives="$("$java_home/bin/jar$exe" tf "$(native "$f")" | grep -E '^[^/]+\.(so|dylib|dll)$' || true)"
  # shellcheck disable=SC2086  # one name per word
  [ -z "$natives" ] || (cd "$libdir" && "$java_home/bin/jar$exe" xf "$(native "$f")" $natives)
done

# --- the app image -------------------------------------------------------------------------------
common=(
  --name "$name"
  --app-version "$app_version"
  --vendor "BounceDesk"
  --description "Bounce and suppression console for marketing-email accounts"
  --copyright "Copyright BounceDesk"
)
cd "$here"   # the option files name their files relative to installer/
rm -rf "${dest:?}/$name" "${dest:?}/$name.app"
say "jpackage app-image $name $app_version ($version)"
"$jpackage" --type app-image "${common[@]}" \
  --dest "$(native "$dest")" \
  --runtime-image "$(native "$work/runtime")" \
  --input "$(native "$work/input")" \
  --main-jar bouncedesk.jar \
  --main-class io.bouncedesk.app.Main \
  "@$os/app-image.options"
case "$os" in
  macos) image="$dest/$name.app" ;;
  *) image="$dest/$name" ;;
esac

# --- packages, made from the app image -----------------------------------------------------------
for type in $types; do
  case "$type" in
    app-image) continue ;;
    deb)
      if ! command -v dpkg-deb >/dev/null || ! command -v fakeroot >/dev/null; then
        echo "installer: WARNING: no .deb: jpackage needs dpkg-deb and fakeroot (Debian: apt-get install dpkg fakeroot); the app image is built" >&2
        continue
      fi ;;
  esac
  rm -f "$dest"/*."$type"
  say "jpackage $type"
  "$jpackage" --type "$type" "${common[@]}" \
    --dest "$(native "$dest")" \
    --app-image "$(native "$image")" \
    "@$os/package.options"
done

rm -rf "$work"
say "built in $dest:"
du -sh "$image" | sed 's/^/  /'
for type in $types; do
  [ "$type" = app-image ] && continue
  for f in "$dest"/*."$type"; do [ -f "$f" ] && du -sh "$f" | sed 's/^/  /'; done
done
