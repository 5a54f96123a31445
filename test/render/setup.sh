#!/usr/bin/env bash
# Installs what `npm run test:render` needs, once per machine: LibreOffice without a GUI (to open the
# exported .docx and convert it to PDF) and poppler-utils (pdfinfo, pdftoppm), from Debian.
set -euo pipefail
if command -v soffice >/dev/null && command -v pdftoppm >/dev/null; then exit 0; fi
echo "[render setup $(date +%T)] installing libreoffice-writer-nogui and poppler-utils"
SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
timeout 600 $SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive timeout 1200 $SUDO apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui poppler-utils >/dev/null
