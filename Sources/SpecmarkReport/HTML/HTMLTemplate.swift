/// The HTML report's Mustache templates: one page and the partials it repeats.
///
/// Everything the docs contribute goes through `{{…}}`, which escapes it (``HTMLEscaping``, selected by a pragma
/// the reporter puts before each template); the templates hold no triple mustaches. Styles and the filter script are inline and the page's Content-Security-Policy allows nothing
/// else, so the file opens from disk or a CI artifact and makes no request.
enum HTMLTemplate {
    static let partials: [String: String] = [
        "bars": bars, "heatmap": heatmap, "share": share, "stacked": stacked, "finding": finding,
    ]

    static let page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
        <meta name="generator" content="{{tool}}">
        <title>{{title}}</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        <header>
        <h1>{{title}}</h1>
        <p class="summary">{{summaryLine}}</p>
        <p class="meta">{{tool}} · {{root}}</p>
        <nav><a href="#overview">Overview</a>{{#change}} <a href="#change">Change</a>{{/change}}{{^empty(coverage)}} <a href="#coverage">Coverage</a>{{/empty(coverage)}}{{#replay}} <a href="#replay">Replay</a>{{/replay}} <a href="#findings">Findings</a> <a href="#rules">Rules</a></nav>
        </header>
        <main>
        <section id="overview">
        <h2>Overview</h2>
        <div class="cards">
        {{#cards}}<div class="card {{tone}}"><span class="count">{{count}}</span> {{label}}</div>
        {{/cards}}
        </div>
        {{#ruleChart}}
        <h3>Findings by rule</h3>
        {{> bars}}
        {{/ruleChart}}
        {{#areaMap}}
        <h3>Findings by area</h3>
        <p class="hint">Areas are the first folder or file-name word under the API version; words that share their first letters are one area (<code>identity*</code>). The darker the cell, the more findings.</p>
        {{> heatmap}}
        {{/areaMap}}
        {{^empty(pages)}}
        <h3>Pages with the most errors</h3>
        <table class="numbers">
        <thead><tr><th>Page</th><th>Errors</th><th>Warnings</th><th>Notes</th></tr></thead>
        <tbody>
        {{/empty(pages)}}
        {{#pages}}<tr><td><a href="{{anchor}}">{{file}}</a></td><td>{{errors}}</td><td>{{warnings}}</td><td>{{notes}}</td></tr>
        {{/pages}}
        {{^empty(pages)}}
        </tbody>
        </table>
        {{/empty(pages)}}
        {{^hasFindings}}<p class="clean">No findings.</p>{{/hasFindings}}
        </section>
        {{#change}}
        <section id="change">
        <h2>Change since the baseline</h2>
        <div class="cards">
        <div class="card error"><span class="count">{{new}}</span> new</div>
        <div class="card muted"><span class="count">{{unchanged}}</span> unchanged</div>
        <div class="card good"><span class="count">{{fixed}}</span> fixed</div>
        </div>
        {{^empty(rows)}}
        <table class="numbers">
        <thead><tr><th>Rule</th><th>New</th><th>Unchanged</th><th>Fixed</th></tr></thead>
        <tbody>
        {{/empty(rows)}}
        {{#rows}}<tr><td><a href="{{href}}">{{rule}}</a></td><td>{{new}}</td><td>{{unchanged}}</td><td>{{fixed}}</td></tr>
        {{/rows}}
        {{^empty(rows)}}
        </tbody>
        </table>
        {{/empty(rows)}}
        </section>
        {{/change}}
        {{^empty(coverage)}}
        <section id="coverage">
        <h2>Coverage of the metadata</h2>
        {{/empty(coverage)}}
        {{#coverage}}
        <h3>{{file}}{{#metadataVersion}} ({{metadataVersion}}){{/metadataVersion}}</h3>
        <p class="hint">{{contents}}</p>
        <table class="coverage">
        <tbody>
        <tr><th>Types with a resource page</th><td>{{#types}}{{> share}}{{/types}}</td></tr>
        <tr><th>Properties of those types documented</th><td>{{#properties}}{{> share}}{{/properties}}</td></tr>
        <tr><th>Entity sets and singletons with a method page</th><td>{{#sources}}{{> share}}{{/sources}}</td></tr>
        <tr><th>Actions and functions with a method page</th><td>{{#operations}}{{> share}}{{/operations}}</td></tr>
        </tbody>
        </table>
        <h4>By namespace</h4>
        <div class="scroll">
        <table class="coverage namespaces">
        <thead><tr><th>Namespace</th><th>Types</th><th>Properties</th><th>Entity sets and singletons</th><th>Operations</th></tr></thead>
        <tbody>
        {{#namespaces}}<tr><th>{{name}}</th><td>{{#types}}{{> share}}{{/types}}</td><td>{{#properties}}{{> share}}{{/properties}}</td><td>{{#sources}}{{> share}}{{/sources}}</td><td>{{#operations}}{{> share}}{{/operations}}</td></tr>
        {{/namespaces}}
        </tbody>
        </table>
        </div>
        {{/coverage}}
        {{^empty(coverage)}}
        </section>
        {{/empty(coverage)}}
        {{#replay}}
        <section id="replay">
        <h2>Replay</h2>
        <p class="summary">{{summary}}</p>
        <table class="numbers replay">
        <thead><tr><th>Area</th><th>Passed</th><th>Failed</th><th>Errors</th><th>Skipped</th><th></th></tr></thead>
        <tbody>
        {{#areas}}<tr><td>{{name}}</td><td>{{passed}}</td><td>{{failed}}</td><td>{{errors}}</td><td>{{skipped}}</td><td>{{#bar}}{{> stacked}}{{/bar}}</td></tr>
        {{/areas}}
        </tbody>
        </table>
        {{^empty(failures)}}<h3>Failures</h3>{{/empty(failures)}}
        {{#failures}}
        <article class="failure">
        <h4><span class="badge error">{{outcome}}</span> {{name}}</h4>
        <p class="place">{{#failureHref}}<a href="{{failureHref}}">{{place}}</a>{{/failureHref}}{{^failureHref}}{{place}}{{/failureHref}}{{#exchange}} · <code>{{exchange}}</code>{{/exchange}}</p>
        <p>{{message}}</p>
        {{^empty(details)}}<ul class="details">{{/empty(details)}}{{#details}}<li><code>{{.}}</code></li>{{/details}}{{^empty(details)}}</ul>{{/empty(details)}}
        </article>
        {{/failures}}
        </section>
        {{/replay}}
        <section id="findings">
        <h2>Findings</h2>
        <form id="filters" hidden>
        <label>Severity <select name="severity"><option value="">all</option><option value="error">error</option><option value="warning">warning</option><option value="note">note</option></select></label>
        <label>Rule <select name="rule"><option value="">all</option>{{#ruleOptions}}<option value="{{id}}">{{id}} ({{count}})</option>{{/ruleOptions}}</select></label>
        <label>State <select name="state"><option value="">all</option><option value="active">active</option><option value="suppressed">suppressed</option><option value="baseline">in the baseline</option></select></label>
        <label>Search <input type="search" name="q" placeholder="text in the message or file"></label>
        <button type="button" id="expand">Expand all</button> <button type="button" id="collapse">Collapse all</button>
        <span class="shown"><output id="shown">{{findingCount}}</output> of {{findingCount}} shown</span>
        </form>
        <p id="nomatch" class="hint" hidden>No findings match the filter.</p>
        {{#files}}
        <details class="file" id="{{anchor}}"{{#isOpen}} open{{/isOpen}}>
        <summary><span class="path">{{file}}</span> <span class="counts">{{counts}}</span>{{#fileHref}} <a class="source" href="{{fileHref}}">source</a>{{/fileHref}}</summary>
        {{#findings}}{{> finding}}{{/findings}}
        </details>
        {{/files}}
        {{^hasFindings}}<p class="clean">No findings.</p>{{/hasFindings}}
        </section>
        <section id="rules">
        <h2>Rules</h2>
        {{#rules}}
        <article class="rule" id="rule-{{id}}">
        <h3><code>{{id}}</code> <span class="badge {{severity}}">{{severity}}</span> <span class="family">{{family}}</span>{{#hasActive}} · {{activeCount}} active{{/hasActive}}</h3>
        <p>{{summary}}</p>
        <p class="rationale">{{rationale}}</p>
        {{#documentation}}<p><a href="{{documentation}}">Documentation</a></p>{{/documentation}}
        </article>
        {{/rules}}
        {{^rules}}<p class="clean">No rule reported anything.</p>{{/rules}}
        </section>
        </main>
        <script>
        \(script)
        </script>
        </body>
        </html>

        """

    static let bars = """
        <svg class="chart bars" role="img" aria-label="{{summary}}" viewBox="0 0 {{width}} {{height}}" width="{{width}}" height="{{height}}">
        {{#bars}}<a href="{{href}}"><title>{{label}}: {{count}}</title><text class="label" x="{{labelX}}" y="{{textY}}" text-anchor="end">{{label}}</text><rect class="{{tone}}" x="{{barX}}" y="{{y}}" width="{{length}}" height="{{barHeight}}"/><text class="value" x="{{countX}}" y="{{textY}}">{{count}}</text></a>
        {{/bars}}
        </svg>
        """

    static let heatmap = """
        <svg class="chart heatmap" role="img" aria-label="{{summary}}" viewBox="0 0 {{width}} {{height}}" width="{{width}}" height="{{height}}">
        {{#columns}}<text class="column" transform="translate({{textX}} {{headerY}}) rotate(-45)">{{label}}</text>
        {{/columns}}
        {{#rows}}<g><title>{{label}}: {{detail}}</title><text class="label" x="{{labelX}}" y="{{textY}}" text-anchor="end">{{label}}</text>
        {{#cells}}<rect class="h{{level}}" x="{{x}}" y="{{y}}" width="{{cellWidth}}" height="{{cellHeight}}"><title>{{title}}</title></rect>{{^isEmpty}}<text class="cell l{{level}}" x="{{textX}}" y="{{textY}}" text-anchor="middle">{{count}}</text>{{/isEmpty}}
        {{/cells}}</g>
        {{/rows}}
        </svg>
        """

    static let share = """
        <span class="share"><svg class="bar" width="{{width}}" height="10" viewBox="0 0 {{width}} 10" aria-hidden="true"><rect class="track" width="{{width}}" height="10"/><rect class="fill" width="{{filled}}" height="10"/></svg> {{text}}</span>
        """

    static let stacked = """
        <svg class="bar" width="{{width}}" height="12" viewBox="0 0 {{width}} 12" aria-hidden="true">{{#segments}}<rect class="{{tone}}" x="{{x}}" width="{{length}}" height="12"><title>{{title}}</title></rect>{{/segments}}</svg>
        """

    static let finding = """
        <article class="finding {{severity}}{{#isSuppressed}} suppressed{{/isSuppressed}}{{#isBaseline}} baseline{{/isBaseline}}" data-severity="{{severity}}" data-rule="{{rule}}" data-state="{{state}}">
        <p class="head"><span class="badge {{severity}}">{{severity}}</span>{{#isNew}} <span class="badge new">new</span>{{/isNew}}{{#isBaseline}} <span class="badge muted">in the baseline</span>{{/isBaseline}}{{#isSuppressed}} <span class="badge muted">suppressed</span>{{/isSuppressed}} <span class="message">{{message}}</span> <a class="rule" href="#rule-{{rule}}">{{rule}}</a></p>
        <p class="place">{{#lineHref}}<a href="{{lineHref}}">{{place}}</a>{{/lineHref}}{{^lineHref}}{{place}}{{/lineHref}}</p>
        {{#excerpt}}<pre class="excerpt"><span class="number">{{line}}</span> {{before}}<mark>{{marked}}</mark>{{after}}
        <span class="number"></span> <span class="caret">{{caret}}</span></pre>{{/excerpt}}
        {{^empty(notes)}}<ul class="notes">{{/empty(notes)}}{{#notes}}<li>{{#notePlace}}{{#noteHref}}<a href="{{noteHref}}">{{notePlace}}</a>{{/noteHref}}{{^noteHref}}{{notePlace}}{{/noteHref}}: {{/notePlace}}{{noteMessage}}</li>{{/notes}}{{^empty(notes)}}</ul>{{/empty(notes)}}
        {{#suppression}}<details class="suppression"><summary>Why it is suppressed</summary><p>{{suppression}}{{#suppressionPlace}} ({{suppressionPlace}}){{/suppressionPlace}}</p></details>{{/suppression}}
        </article>

        """

    static let style = """
        :root { color-scheme: light dark; --fg: #1f2328; --muted: #656d76; --bg: #ffffff; --panel: #f6f8fa; --line: #d0d7de;
          --error: #cf222e; --warning: #9a6700; --note: #0969da; --good: #1a7f37; --mark: #fff1b8; }
        @media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #8d96a0; --bg: #0d1117; --panel: #161b22;
          --line: #30363d; --error: #f85149; --warning: #d29922; --note: #4493f8; --good: #3fb950; --mark: #5a4a00; } }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
        header, main { max-width: 1200px; margin: 0 auto; padding: 0 24px; }
        header { padding-top: 16px; border-bottom: 1px solid var(--line); }
        h1 { font-size: 24px; margin: 8px 0; } h2 { font-size: 20px; margin: 32px 0 8px; border-bottom: 1px solid var(--line); }
        h3 { font-size: 16px; margin: 20px 0 8px; } h4 { margin: 12px 0 4px; }
        a { color: var(--note); text-decoration: none; } a:hover { text-decoration: underline; }
        nav a { margin-right: 12px; } nav { padding-bottom: 8px; }
        .summary { font-weight: 600; } .meta, .hint, .place, .family { color: var(--muted); } .hint { font-size: 13px; }
        .cards { display: flex; flex-wrap: wrap; gap: 8px; }
        .card { padding: 8px 14px; border: 1px solid var(--line); border-radius: 6px; background: var(--panel); }
        .card .count { font-size: 22px; font-weight: 700; margin-right: 4px; }
        .card.error .count { color: var(--error); } .card.warning .count { color: var(--warning); }
        .card.note .count { color: var(--note); } .card.good .count { color: var(--good); } .card.muted .count { color: var(--muted); }
        table { border-collapse: collapse; margin: 8px 0; } th, td { padding: 3px 10px; border-bottom: 1px solid var(--line); text-align: left; }
        table.numbers td:not(:first-child) { text-align: right; font-variant-numeric: tabular-nums; }
        .chart { display: block; max-width: 100%; height: auto; font-size: 12px; }
        .chart text { fill: var(--fg); } .chart .value, .chart .column { fill: var(--muted); }
        .chart rect.error, .bar rect.error, .bar rect.failed { fill: var(--error); }
        .chart rect.warning { fill: var(--warning); } .chart rect.note { fill: var(--note); }
        .bar rect.passed { fill: var(--good); } .bar rect.skipped { fill: var(--line); }
        .bar rect.track { fill: var(--panel); stroke: var(--line); } .bar rect.fill { fill: var(--good); }
        .heatmap rect { stroke: var(--bg); stroke-width: 2; } .heatmap rect.h0 { fill: var(--panel); }
        .heatmap rect.h1 { fill: #fde2d4; } .heatmap rect.h2 { fill: #f9b99a; } .heatmap rect.h3 { fill: #f28b67; }
        .heatmap rect.h4 { fill: #e0533c; } .heatmap rect.h5 { fill: #b3261e; }
        .heatmap text.cell { fill: #1f2328; } .heatmap text.l4, .heatmap text.l5 { fill: #ffffff; }
        .share { white-space: nowrap; font-variant-numeric: tabular-nums; } .share svg { vertical-align: middle; }
        .badge { display: inline-block; padding: 0 6px; border-radius: 10px; font-size: 12px; border: 1px solid currentColor; }
        .badge.error { color: var(--error); } .badge.warning { color: var(--warning); } .badge.note { color: var(--note); }
        .badge.new { color: var(--good); } .badge.muted { color: var(--muted); }
        details.file { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; background: var(--bg); }
        details.file > summary { padding: 6px 10px; cursor: pointer; background: var(--panel); border-radius: 6px; }
        details.file .path { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-weight: 600; }
        details.file .counts { color: var(--muted); margin-left: 8px; } .source { margin-left: 8px; font-size: 12px; }
        .finding { padding: 6px 12px; border-top: 1px solid var(--line); } .finding p { margin: 2px 0; }
        .finding.suppressed, .finding.baseline { opacity: 0.7; }
        .finding .rule { font-family: ui-monospace, monospace; font-size: 12px; margin-left: 6px; }
        pre.excerpt { margin: 4px 0; padding: 6px 8px; background: var(--panel); border-radius: 4px; overflow-x: auto; font-size: 12px; }
        pre.excerpt mark { background: var(--mark); color: inherit; } .number { display: inline-block; min-width: 3em; color: var(--muted); text-align: right; }
        .caret { color: var(--error); } .notes { margin: 2px 0; color: var(--muted); }
        #filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; padding: 8px; background: var(--panel); border-radius: 6px; position: sticky; top: 0; z-index: 1; }
        #filters[hidden] { display: none; } .shown { white-space: nowrap; font-weight: 600; }
        .scroll { overflow-x: auto; } table.namespaces { font-size: 13px; }
        .rule h3 { font-weight: 600; } .rationale { color: var(--muted); white-space: pre-line; } .clean { color: var(--good); }
        [hidden] { display: none !important; }
        """

    /// The findings filter: severity, rule, state and text; the page reads the same without it.
    static let script = """
        (function () {
          var form = document.getElementById('filters');
          if (!form) return;
          form.hidden = false;
          var findings = Array.prototype.slice.call(document.querySelectorAll('.finding'));
          var text = findings.map(function (f) { return f.textContent.toLowerCase(); });
          var files = Array.prototype.slice.call(document.querySelectorAll('details.file'));
          var shown = document.getElementById('shown');
          function apply() {
            var severity = form.elements.severity.value, rule = form.elements.rule.value;
            var state = form.elements.state.value, query = form.elements.q.value.trim().toLowerCase();
            var count = 0;
            findings.forEach(function (f, i) {
              var match = (!severity || f.dataset.severity === severity) && (!rule || f.dataset.rule === rule) &&
                (!state || f.dataset.state === state) &&
                (!query || text[i].indexOf(query) >= 0 || f.parentNode.id && f.parentNode.querySelector('.path').textContent.toLowerCase().indexOf(query) >= 0);
              f.hidden = !match;
              if (match) count += 1;
            });
            var filtered = severity || rule || state || query;
            files.forEach(function (d) {
              d.hidden = !d.querySelector('.finding:not([hidden])');
              if (filtered && !d.hidden) d.open = true;
            });
            shown.textContent = count;
            document.getElementById('nomatch').hidden = count > 0 || findings.length === 0;
          }
          // `#filter:rule=link-broken&severity=error&q=text` sets the filter, so a filtered view can be linked to.
          var names = ['severity', 'rule', 'state', 'q'];
          function fromHash() {
            if (location.hash.indexOf('#filter:') !== 0) return;
            location.hash.slice(8).split('&').forEach(function (pair) {
              var parts = pair.split('=');
              try {
                var name = decodeURIComponent(parts[0]), value = decodeURIComponent(parts.slice(1).join('='));
                if (names.indexOf(name) >= 0) form.elements[name].value = value;
              } catch (error) { /* a malformed %-escape: that pair is ignored */ }
            });
            apply();
            // A link to a filtered view lands on the findings it shows.
            document.getElementById('findings').scrollIntoView();
          }
          function toHash() {
            var pairs = names.filter(function (name) { return form.elements[name].value; }).map(function (name) {
              return name + '=' + encodeURIComponent(form.elements[name].value);
            });
            history.replaceState(null, '', pairs.length ? '#filter:' + pairs.join('&') : location.pathname + location.search);
          }
          form.addEventListener('input', function () { apply(); toHash(); });
          form.addEventListener('submit', function (event) { event.preventDefault(); });
          window.addEventListener('hashchange', fromHash);
          fromHash();
          document.getElementById('expand').addEventListener('click', function () { files.forEach(function (d) { d.open = true; }); });
          document.getElementById('collapse').addEventListener('click', function () { files.forEach(function (d) { d.open = false; }); });
        })();
        """
}
