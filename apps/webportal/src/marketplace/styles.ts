/**
 * Styles of the marketplace, in OpenPAI's Fluent look (Segoe UI, #0078d4). Every class carries
 * the `mkt-` prefix. In the plugin they live in a shadow root, where `:host` resets whatever the
 * host page's global CSS would otherwise pass down.
 */
export const MARKETPLACE_CSS = `
:host { all: initial; display: block; }
.mkt-app { font-family: "Segoe UI", "Segoe UI Web (West European)", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", sans-serif;
  font-size: 14px; line-height: 1.45; color: #323130; background: #faf9f8; padding: 16px 24px; box-sizing: border-box; min-height: 100%; }
.mkt-app *, .mkt-app *::before, .mkt-app *::after { box-sizing: inherit; }
.mkt-app a { color: #005a9e; }
.mkt-app h1 { font-size: 24px; font-weight: 600; margin: 8px 0 12px; }
.mkt-app h2 { font-size: 18px; font-weight: 600; margin: 16px 0 8px; }
.mkt-header { display: flex; align-items: center; gap: 16px; margin-bottom: 16px; }
.mkt-title { font-size: 20px; font-weight: 600; }
.mkt-spacer { flex: 1; }
.mkt-toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; margin-bottom: 12px; }
.mkt-search { flex: 1 1 240px; min-width: 200px; }
.mkt-app input, .mkt-app select, .mkt-app textarea { font: inherit; color: inherit; border: 1px solid #8a8886; border-radius: 2px; padding: 5px 8px; background: #fff; }
.mkt-app input:focus, .mkt-app select:focus, .mkt-app textarea:focus, .mkt-button:focus { outline: 2px solid #0078d4; outline-offset: 1px; }
.mkt-button { display: inline-block; font: inherit; font-weight: 600; padding: 5px 16px; border-radius: 2px; border: 1px solid #8a8886;
  background: #fff; color: #323130 !important; text-decoration: none; cursor: pointer; }
.mkt-primary { background: #0078d4; border-color: #0078d4; color: #fff !important; }
.mkt-danger { border-color: #a4262c; color: #a4262c !important; }
.mkt-small { padding: 1px 8px; font-size: 12px; }
.mkt-count { color: #605e5c; margin: 4px 0 8px; }
.mkt-cards { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 12px; }
.mkt-card { background: #fff; border-radius: 2px; box-shadow: 0 1.6px 3.6px rgba(0,0,0,.13), 0 .3px .9px rgba(0,0,0,.11); padding: 12px 16px; min-height: 120px; }
.mkt-card h2 { margin: 0 0 4px; font-size: 16px; }
.mkt-meta { color: #605e5c; margin: 0 0 6px; font-size: 12px; }
.mkt-tag { display: inline-block; background: #f3f2f1; border-radius: 2px; padding: 0 6px; margin: 0 4px 4px 0; font-size: 12px; }
.mkt-skeleton { background: linear-gradient(90deg, #f3f2f1 25%, #edebe9 50%, #f3f2f1 75%); background-size: 200% 100%; animation: mkt-shimmer 1.2s infinite; }
.mkt-detail-skeleton { height: 240px; border-radius: 2px; }
@keyframes mkt-shimmer { from { background-position: 200% 0; } to { background-position: -200% 0; } }
.mkt-empty { padding: 32px; text-align: center; color: #605e5c; background: #fff; }
.mkt-error { color: #a4262c; background: #fde7e9; padding: 8px 12px; border-radius: 2px; }
.mkt-facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0 0 12px; }
.mkt-facts dt { color: #605e5c; }
.mkt-facts dd { margin: 0; }
.mkt-actions { display: flex; gap: 8px; margin: 12px 0; flex-wrap: wrap; }
.mkt-markdown { background: #fff; padding: 8px 16px; border-radius: 2px; }
.mkt-code { background: #1e1e1e; color: #d4d4d4; padding: 12px; overflow: auto; border-radius: 2px; font-family: Consolas, "Courier New", monospace; font-size: 13px; }
.mkt-yaml-key { color: #9cdcfe; }
.mkt-yaml-comment { color: #6a9955; }
.mkt-editor { display: flex; flex-direction: column; gap: 10px; max-width: 880px; }
.mkt-editor label { display: flex; flex-direction: column; gap: 4px; font-weight: 600; }
.mkt-editor fieldset label { flex-direction: row; font-weight: 400; gap: 6px; }
.mkt-editor label > input, .mkt-editor label > textarea, .mkt-editor label > select, .mkt-editor label > span { font-weight: 400; }
.mkt-app .mkt-code-input { font-family: Consolas, "Courier New", monospace; }
.mkt-diff-added { color: #b5f2b5; background: #1f3d1f; display: block; }
.mkt-diff-removed { color: #f4b6b6; background: #4a1f1f; display: block; }
.mkt-more { display: block; margin: 16px auto; }
.mkt-groups { display: flex; flex-wrap: wrap; gap: 12px; }
.mkt-label-list { list-style: none; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.mkt-problems { color: #a4262c; background: #fde7e9; padding: 8px 12px 8px 28px; margin: 0; }
`;
