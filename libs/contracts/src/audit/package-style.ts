/**
 * The stylesheet of a FOIA package's printable HTML (the package's one inline <style>). Shared so
 * that the workbench's Content-Security-Policy can allow exactly it by its hash: the workbench
 * shows the released package's own HTML in a sandboxed frame, which inherits that policy, and
 * the page then looks as the downloaded file does. Changing it changes released packages' HTML
 * digests (FoiaResponseReleased.htmlSha256 is of the whole document).
 */
export const FOIA_PACKAGE_STYLE =
  'body{font-family:serif;margin:2em;max-width:60em}pre{white-space:pre-wrap;border:1px solid #ccc;padding:.5em;font-size:.85em}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2em .4em}.ref{color:#555}ol.chronology time{font-variant-numeric:tabular-nums;margin-right:.5em}@media print{article,section{break-inside:avoid-page}}';
