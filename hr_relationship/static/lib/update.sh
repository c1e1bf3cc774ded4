#!/bin/sh
# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
#
# Refresh the vendored graph libraries of the relationship map's canvas
# (the graph and its layout; the canvas draws itself) from the npm registry,
# at the pinned versions below. Run from anywhere:
#
#     sh hr_relationship/static/lib/update.sh
#
# Needs npm (and so node). graphology ships a browser build (UMD), copied as
# it is with its licence. graphology-layout-forceatlas2 only
# ships CommonJS files: they are bundled into one browser script (an IIFE
# setting window.graphologyLayoutForceAtlas2) with esbuild, in a temporary
# directory; nothing of node_modules stays in the repository.
set -eu

GRAPHOLOGY=0.26.0
FORCEATLAS2=0.10.1
ESBUILD=0.24.2

LIB=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

cd "$WORK"
npm pack --silent "graphology@$GRAPHOLOGY" >/dev/null
tar xzf "graphology-$GRAPHOLOGY.tgz" && mv package graphology

mkdir -p "$LIB/graphology" "$LIB/graphology-layout-forceatlas2"
cp graphology/dist/graphology.umd.min.js graphology/LICENSE.txt "$LIB/graphology/"

mkdir fa2 && cd fa2
npm init -y >/dev/null
npm install --silent --no-audit --no-fund \
    "graphology-layout-forceatlas2@$FORCEATLAS2" "esbuild@$ESBUILD"
cat > entry.js <<'JS'
module.exports = {
    forceAtlas2: require("graphology-layout-forceatlas2"),
    FA2Layout: require("graphology-layout-forceatlas2/worker"),
};
JS
npx esbuild entry.js --bundle --minify --format=iife \
    --global-name=graphologyLayoutForceAtlas2 \
    --outfile="$LIB/graphology-layout-forceatlas2/forceatlas2.min.js"
cp node_modules/graphology-layout-forceatlas2/LICENSE.txt \
    "$LIB/graphology-layout-forceatlas2/"
cp node_modules/graphology-utils/LICENSE.txt \
    "$LIB/graphology-layout-forceatlas2/LICENSE.graphology-utils.txt"

cat > "$LIB/VERSIONS" <<TXT
graphology $GRAPHOLOGY (MIT) graphology/graphology.umd.min.js
graphology-layout-forceatlas2 $FORCEATLAS2 (MIT), bundled with esbuild $ESBUILD
    graphology-layout-forceatlas2/forceatlas2.min.js
TXT
echo "Vendored: graphology $GRAPHOLOGY, forceatlas2 $FORCEATLAS2"
