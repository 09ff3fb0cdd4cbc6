<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>hb</name>
    <message>
        <source>Circuit breaker of %1 opened</source>
        <translation>Circuit breaker of %1 opened</translation>
    </message>
    <message>
        <source>%1 is skipped until its breaker closes (%n failure(s)).</source>
        <translation>%1 is skipped until its breaker closes (%n failure(s)).</translation>
    </message>
    <message>
        <source>Heartbeat paused (emergency)</source>
        <translation>Heartbeat paused (emergency)</translation>
    </message>
    <message>
        <source>No task runs until resumed.</source>
        <translation>No task runs until resumed.</translation>
    </message>
    <message>
        <source>The metrics store cannot be written</source>
        <translation>The metrics store cannot be written</translation>
    </message>
    <message>
        <source>Critical alert: %1</source>
        <translation>Critical alert: %1</translation>
    </message>
    <message>
        <source>Circuit breaker of %1 closed</source>
        <translation>Circuit breaker of %1 closed</translation>
    </message>
    <message>
        <source>%1 runs again.</source>
        <translation>%1 runs again.</translation>
    </message>
    <message>
        <source>Heartbeat resumed</source>
        <translation>Heartbeat resumed</translation>
    </message>
    <message>
        <source>The emergency pause is over; tasks run again.</source>
        <translation>The emergency pause is over; tasks run again.</translation>
    </message>
    <message>
        <source>Alert cleared: %1</source>
        <translation>Alert cleared: %1</translation>
    </message>
    <message>
        <source>The condition is no longer reported.</source>
        <translation>The condition is no longer reported.</translation>
    </message>
    <message>
        <source>Machine %1 is down</source>
        <translation>Machine %1 is down</translation>
    </message>
    <message>
        <source>No heartbeat in time.</source>
        <translation>No heartbeat in time.</translation>
    </message>
    <message>
        <source>Machine %1 is up</source>
        <translation>Machine %1 is up</translation>
    </message>
    <message>
        <source>Heartbeats arrive again.</source>
        <translation>Heartbeats arrive again.</translation>
    </message>
    <message>
        <source>Still: %1</source>
        <translation>Still: %1</translation>
    </message>
    <message>
        <source>Oracle down</source>
        <translation>Oracle down</translation>
    </message>
    <message>
        <source>No price is being fetched: the %1 circuit breaker is open.</source>
        <translation>No price is being fetched: the %1 circuit breaker is open.</translation>
    </message>
    <message>
        <source>Oracle back up</source>
        <translation>Oracle back up</translation>
    </message>
    <message>
        <source>Prices are fetched again.</source>
        <translation>Prices are fetched again.</translation>
    </message>
</context>
<context>
    <name>hb::AddMachineDialog</name>
    <message>
        <source>C&amp;opy</source>
        <translation>C&amp;opy</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
    <message>
        <source>Add machine</source>
        <translation>Add machine</translation>
    </message>
    <message>
        <source>e.g. oracle-relay-1</source>
        <translation>e.g. oracle-relay-1</translation>
    </message>
    <message>
        <source>Letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;: it is part of the push URL</source>
        <translation>Letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;: it is part of the push URL</translation>
    </message>
    <message>
        <source>From 1 s to 30 days, e.g. 90s, 2m, 1h, 30d</source>
        <translation>From 1 s to 30 days, e.g. 90s, 2m, 1h, 30d</translation>
    </message>
    <message>
        <source>Down when no heartbeat came for this long (e.g. 90s, 2m, 1h, 30d).</source>
        <translation>Down when no heartbeat came for this long (e.g. 90s, 2m, 1h, 30d).</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Offline after:</source>
        <translation>&amp;Offline after:</translation>
    </message>
    <message>
        <source>The machine pings with (from cron or its service):</source>
        <translation>The machine pings with (from cron or its service):</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Offline after: write a length such as 90s, 2m, 1h or 30d.</source>
        <translation>Offline after: write a length such as 90s, 2m, 1h or 30d.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Machine “%1” added. Copy its push token now: it will not be shown again.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Machine “%1” added. Copy its push token now: it will not be shown again.&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>hb::AdminSession</name>
    <message>
        <source>A passphrase is already set; unlock with it instead.</source>
        <translation>A passphrase is already set; unlock with it instead.</translation>
    </message>
    <message>
        <source>Unlock admin first.</source>
        <translation>Unlock admin first.</translation>
    </message>
    <message>
        <source>The current passphrase is wrong.</source>
        <translation>The current passphrase is wrong.</translation>
    </message>
</context>
<context>
    <name>hb::AlertTreeModel</name>
    <message>
        <source>Machine %1 is %2</source>
        <translation>Machine %1 is %2</translation>
    </message>
    <message>
        <source>The circuit breaker of %1 is open</source>
        <translation>The circuit breaker of %1 is open</translation>
    </message>
    <message numerus="yes">
        <source>(%n dependent alert(s) held)</source>
        <translation>
            <numerusform>(%n dependent alert held)</numerusform>
            <numerusform>(%n dependent alerts held)</numerusform>
        </translation>
    </message>
    <message>
        <source>cleared</source>
        <translation>cleared</translation>
    </message>
    <message>
        <source>held</source>
        <translation>held</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>warning</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>critical</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Oracle down: no price is being fetched</source>
        <translation>Oracle down: no price is being fetched</translation>
    </message>
</context>
<context>
    <name>hb::AnalysisReport</name>
    <message>
        <source>Heartbeat maintenance report</source>
        <translation>Heartbeat maintenance report</translation>
    </message>
    <message>
        <source>≈ %1</source>
        <comment>an estimated duration in ms</comment>
        <translation>≈ %1</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>exact</translation>
    </message>
    <message>
        <source>estimated</source>
        <translation>estimated</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>unavailable</translation>
    </message>
    <message>
        <source>Health summary</source>
        <translation>Health summary</translation>
    </message>
    <message>
        <source>Task runs</source>
        <translation>Task runs</translation>
    </message>
    <message>
        <source>Failures and timeouts</source>
        <translation>Failures and timeouts</translation>
    </message>
    <message>
        <source>Failure rate</source>
        <translation>Failure rate</translation>
    </message>
    <message>
        <source>Ticks</source>
        <translation>Ticks</translation>
    </message>
    <message>
        <source>Breaker openings</source>
        <translation>Breaker openings</translation>
    </message>
    <message>
        <source>Alerts raised</source>
        <translation>Alerts raised</translation>
    </message>
    <message>
        <source>Admin actions</source>
        <translation>Admin actions</translation>
    </message>
    <message>
        <source>Run time p50 / p95 / p99 / max (ms)</source>
        <translation>Run time p50 / p95 / p99 / max (ms)</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>No task ran in this range.</source>
        <translation>No task ran in this range.</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Runs</translation>
    </message>
    <message>
        <source>Successes</source>
        <translation>Successes</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Failures</translation>
    </message>
    <message>
        <source>Timeouts</source>
        <translation>Timeouts</translation>
    </message>
    <message>
        <source>p50 (ms)</source>
        <translation>p50 (ms)</translation>
    </message>
    <message>
        <source>p95 (ms)</source>
        <translation>p95 (ms)</translation>
    </message>
    <message>
        <source>p99 (ms)</source>
        <translation>p99 (ms)</translation>
    </message>
    <message>
        <source>Max (ms)</source>
        <translation>Max (ms)</translation>
    </message>
    <message>
        <source>Percentiles</source>
        <translation>Percentiles</translation>
    </message>
    <message>
        <source>No breaker opened in this range.</source>
        <translation>No breaker opened in this range.</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Open for</source>
        <translation>Open for</translation>
    </message>
    <message>
        <source>Failed trials</source>
        <translation>Failed trials</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>still open</source>
        <translation>still open</translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation>at least %1</translation>
    </message>
    <message>
        <source>No alert was raised in this range.</source>
        <translation>No alert was raised in this range.</translation>
    </message>
    <message>
        <source>The newest %1 of %2.</source>
        <translation>The newest %1 of %2.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alert</translation>
    </message>
    <message>
        <source>No admin action in this range.</source>
        <translation>No admin action in this range.</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Actor</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Tick time</source>
        <translation>Tick time</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>Success rate</translation>
    </message>
    <message>
        <source>Cycles &amp; memory</source>
        <translation>Cycles &amp; memory</translation>
    </message>
    <message>
        <source>Shard load</source>
        <translation>Shard load</translation>
    </message>
    <message>
        <source>Range: %1 – %2 (%3)</source>
        <translation>Range: %1 – %2 (%3)</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>Written: %1</translation>
    </message>
    <message>
        <source>Run counts and percentiles are estimated from the rollups: they cover %1 – %2 (whole minutes or hours around the range), percentiles within one histogram bucket.</source>
        <translation>Run counts and percentiles are estimated from the rollups: they cover %1 – %2 (whole minutes or hours around the range), percentiles within one histogram bucket.</translation>
    </message>
    <message>
        <source>The raw rows of part of this range are gone (retention): ticks, breaker openings and alerts count only what is left.</source>
        <translation>The raw rows of part of this range are gone (retention): ticks, breaker openings and alerts count only what is left.</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>unknown report format (the name must end in .pdf or .html)</source>
        <translation>unknown report format (the name must end in .pdf or .html)</translation>
    </message>
    <message>
        <source>the range is empty (its end is not after its start)</source>
        <translation>the range is empty (its end is not after its start)</translation>
    </message>
    <message>
        <source>cannot write (%1)</source>
        <translation>cannot write (%1)</translation>
    </message>
</context>
<context>
    <name>hb::ApiServer</name>
    <message>
        <source>cannot listen on %1:%2: not an IP address</source>
        <translation>cannot listen on %1:%2: not an IP address</translation>
    </message>
    <message>
        <source>cannot listen on %1:%2: %3</source>
        <translation>cannot listen on %1:%2: %3</translation>
    </message>
</context>
<context>
    <name>hb::AuditLogModel</name>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Actor</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>hb::AuditPanel</name>
    <message>
        <source>Load older entries</source>
        <translation>Load older entries</translation>
    </message>
    <message>
        <source>Filter by actor, action or detail…</source>
        <translation>Filter by actor, action or detail…</translation>
    </message>
    <message numerus="yes">
        <source>Read the %n entries before the oldest one shown from metrics.db</source>
        <translation>
            <numerusform>Read the entry before the oldest one shown from metrics.db</numerusform>
            <numerusform>Read the %n entries before the oldest one shown from metrics.db</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read older entries: %1</source>
        <translation>Could not read older entries: %1</translation>
    </message>
    <message>
        <source>That is the whole audit log.</source>
        <translation>That is the whole audit log.</translation>
    </message>
    <message numerus="yes">
        <source>%n older entries loaded.</source>
        <translation>
            <numerusform>%n older entry loaded.</numerusform>
            <numerusform>%n older entries loaded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries shown</source>
        <translation>
            <numerusform>%n entry shown</numerusform>
            <numerusform>%n entries shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n entries match</source>
        <translation>
            <numerusform>%1 of %n entry matches</numerusform>
            <numerusform>%1 of %n entries match</numerusform>
        </translation>
    </message>
    <message>
        <source>loading older entries…</source>
        <translation>loading older entries…</translation>
    </message>
    <message>
        <source>No audit entries yet.</source>
        <translation>No audit entries yet.</translation>
    </message>
    <message>
        <source>No entry matches “%1”.</source>
        <translation>No entry matches “%1”.</translation>
    </message>
</context>
<context>
    <name>hb::BreakerPanel</name>
    <message>
        <source>&amp;Reset</source>
        <translation>&amp;Reset</translation>
    </message>
    <message>
        <source>&amp;Force open</source>
        <translation>&amp;Force open</translation>
    </message>
    <message>
        <source>Reset &amp;all</source>
        <translation>Reset &amp;all</translation>
    </message>
    <message>
        <source>Close the selected breaker and clear its failure count (admin)</source>
        <translation>Close the selected breaker and clear its failure count (admin)</translation>
    </message>
    <message>
        <source>Stop running the selected task until its breaker times out or is reset (admin)</source>
        <translation>Stop running the selected task until its breaker times out or is reset (admin)</translation>
    </message>
</context>
<context>
    <name>hb::BreakerTableModel</name>
    <message>
        <source>trial running</source>
        <translation>trial running</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>next tick</source>
        <translation>next tick</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Failures</translation>
    </message>
    <message>
        <source>Last failure</source>
        <translation>Last failure</translation>
    </message>
    <message>
        <source>Next trial</source>
        <translation>Next trial</translation>
    </message>
</context>
<context>
    <name>hb::ChartPanel</name>
    <message>
        <source>Tasks</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>Show the run time of chosen tasks on the tick-time chart</source>
        <translation>Show the run time of chosen tasks on the tick-time chart</translation>
    </message>
    <message>
        <source>No task has run yet</source>
        <translation>No task has run yet</translation>
    </message>
    <message>
        <source>Live data only</source>
        <translation>Live data only</translation>
    </message>
    <message>
        <source>No metrics file: showing what this window has seen since it opened</source>
        <translation>No metrics file: showing what this window has seen since it opened</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Cannot read history</source>
        <translation>Cannot read history</translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation>No data yet</translation>
    </message>
    <message>
        <source>%1 · %2: %3</source>
        <translation>%1 · %2: %3</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Forward</translation>
    </message>
    <message>
        <source>Back to the previous time range (%1)</source>
        <translation>Back to the previous time range (%1)</translation>
    </message>
    <message>
        <source>Forward to the next time range (%1)</source>
        <translation>Forward to the next time range (%1)</translation>
    </message>
    <message>
        <source>Tick (B)</source>
        <translation>Tick (B)</translation>
    </message>
    <message>
        <source>Success (B)</source>
        <translation>Success (B)</translation>
    </message>
</context>
<context>
    <name>hb::ChartRangeBar</name>
    <message>
        <source>5 min</source>
        <translation>5 min</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 h</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 h</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 d</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Custom…</translation>
    </message>
    <message>
        <source>Show a range you choose, from a date and time to another</source>
        <translation>Show a range you choose, from a date and time to another</translation>
    </message>
    <message>
        <source>Last 5 minutes, live</source>
        <translation>Last 5 minutes, live</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Last hour</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Last 24 hours</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>The last hour of the file</source>
        <translation>The last hour of the file</translation>
    </message>
    <message>
        <source>The last 24 hours of the file</source>
        <translation>The last 24 hours of the file</translation>
    </message>
    <message>
        <source>The last 7 days of the file</source>
        <translation>The last 7 days of the file</translation>
    </message>
    <message>
        <source>Everything the file holds</source>
        <translation>Everything the file holds</translation>
    </message>
</context>
<context>
    <name>hb::CircuitBreaker</name>
    <message>
        <source>timeout elapsed, trial run</source>
        <translation>timeout elapsed, trial run</translation>
    </message>
    <message>
        <source>trial run succeeded</source>
        <translation>trial run succeeded</translation>
    </message>
    <message>
        <source>%1 consecutive failures, last: %2</source>
        <translation>%1 consecutive failures, last: %2</translation>
    </message>
    <message>
        <source>trial run failed: %1</source>
        <translation>trial run failed: %1</translation>
    </message>
</context>
<context>
    <name>hb::CompareDialog</name>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Compare two ranges</source>
        <translation>Compare two ranges</translation>
    </message>
    <message>
        <source>Same range the day before</source>
        <translation>Same range the day before</translation>
    </message>
    <message>
        <source>Same range the week before</source>
        <translation>Same range the week before</translation>
    </message>
    <message>
        <source>The range just before</source>
        <translation>The range just before</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Custom range</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Range A (shown):</source>
        <translation>Range A (shown):</translation>
    </message>
    <message>
        <source>Range B:</source>
        <translation>Range B:</translation>
    </message>
    <message>
        <source>%1 – %2 (%3)</source>
        <translation>%1 – %2 (%3)</translation>
    </message>
    <message>
        <source>Range B must end after it starts.</source>
        <translation>Range B must end after it starts.</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <source>Cannot read the metrics file: %1</source>
        <translation>Cannot read the metrics file: %1</translation>
    </message>
    <message>
        <source>Range B: %1 – %2</source>
        <translation>Range B: %1 – %2</translation>
    </message>
    <message>
        <source>exact, from the raw rows</source>
        <translation>exact, from the raw rows</translation>
    </message>
    <message>
        <source>estimated from the minute or hour rollups (%1 – %2, whole buckets); percentiles from their duration histograms</source>
        <translation>estimated from the minute or hour rollups (%1 – %2, whole buckets); percentiles from their duration histograms</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>not available</translation>
    </message>
    <message>
        <source>Range A: %1.
Range B: %2.</source>
        <translation>Range A: %1.
Range B: %2.</translation>
    </message>
    <message>
        <source>Export the comparison as CSV</source>
        <translation>Export the comparison as CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
</context>
<context>
    <name>hb::Config</name>
    <message>
        <source>the string &quot;%1&quot;</source>
        <translation>the string &quot;%1&quot;</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>an array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>an object</translation>
    </message>
    <message>
        <source>must be true or false (got %1)</source>
        <translation>must be true or false (got %1)</translation>
    </message>
    <message>
        <source>must be a number greater than %1 (got %2)</source>
        <translation>must be a number greater than %1 (got %2)</translation>
    </message>
    <message>
        <source>must be an integer of at least %1 (got %2)</source>
        <translation>must be an integer of at least %1 (got %2)</translation>
    </message>
    <message>
        <source>must be an integer between %1 and %2 (got %3)</source>
        <translation>must be an integer between %1 and %2 (got %3)</translation>
    </message>
    <message>
        <source>unknown task (known tasks: %1)</source>
        <translation>unknown task (known tasks: %1)</translation>
    </message>
    <message>
        <source>must be greater than cycles_critical_threshold (%1) (got %2)</source>
        <translation>must be greater than cycles_critical_threshold (%1) (got %2)</translation>
    </message>
    <message>
        <source>must be at least retention.raw_days (%1) (got %2)</source>
        <translation>must be at least retention.raw_days (%1) (got %2)</translation>
    </message>
    <message>
        <source>must be at least retention.minute_days (%1) (got %2)</source>
        <translation>must be at least retention.minute_days (%1) (got %2)</translation>
    </message>
    <message>
        <source>must be %1 (got %2)</source>
        <translation>must be %1 (got %2)</translation>
    </message>
    <message>
        <source>the file is from a newer version of Heartbeat (format %1); this version reads format %2</source>
        <translation>the file is from a newer version of Heartbeat (format %1); this version reads format %2</translation>
    </message>
    <message>
        <source>must be an object (got %1)</source>
        <translation>must be an object (got %1)</translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation>unknown field</translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: %2</source>
        <translation>field &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>file does not exist</source>
        <translation>file does not exist</translation>
    </message>
    <message>
        <source>cannot read (%1)</source>
        <translation>cannot read (%1)</translation>
    </message>
    <message>
        <source>not valid JSON: %1 at byte %2</source>
        <translation>not valid JSON: %1 at byte %2</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>not a JSON object</translation>
    </message>
    <message>
        <source>cannot save (%1)</source>
        <translation>cannot save (%1)</translation>
    </message>
    <message>
        <source>must be one of %1 (got %2)</source>
        <translation>must be one of %1 (got %2)</translation>
    </message>
    <message>
        <source>must be a string (got %1)</source>
        <translation>must be a string (got %1)</translation>
    </message>
    <message>
        <source>must be a number between %1 and %2 (got %3)</source>
        <translation>must be a number between %1 and %2 (got %3)</translation>
    </message>
    <message>
        <source>must be greater than cycles_alert_threshold (%1) (got %2)</source>
        <translation>must be greater than cycles_alert_threshold (%1) (got %2)</translation>
    </message>
    <message>
        <source>is required when oracle.source is &quot;%1&quot;</source>
        <translation>is required when oracle.source is &quot;%1&quot;</translation>
    </message>
    <message>
        <source>must be an http:// or https:// URL with a host (got %1)</source>
        <translation>must be an http:// or https:// URL with a host (got %1)</translation>
    </message>
    <message>
        <source>must be &quot;none&quot; or ADDRESS:PORT such as 127.0.0.1:8089 or [::1]:8089 (got %1)</source>
        <translation>must be &quot;none&quot; or ADDRESS:PORT such as 127.0.0.1:8089 or [::1]:8089 (got %1)</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>is required</translation>
    </message>
    <message>
        <source>must be at most %1 characters, without control characters or surrounding spaces (got %2)</source>
        <translation>must be at most %1 characters, without control characters or surrounding spaces (got %2)</translation>
    </message>
    <message>
        <source>must hold only %1 (got %2)</source>
        <translation>must hold only %1 (got %2)</translation>
    </message>
    <message>
        <source>names %1 twice</source>
        <translation>names %1 twice</translation>
    </message>
    <message>
        <source>must be 0 (off) or an integer between %1 and %2 (got %3)</source>
        <translation>must be 0 (off) or an integer between %1 and %2 (got %3)</translation>
    </message>
    <message>
        <source>is not used by a %1 channel</source>
        <translation>is not used by a %1 channel</translation>
    </message>
    <message>
        <source>must be &quot;whsec_&quot; followed by the base64 of a key of %1 to %2 bytes</source>
        <translation>must be &quot;whsec_&quot; followed by the base64 of a key of %1 to %2 bytes</translation>
    </message>
    <message>
        <source>must not contain spaces, &quot;/&quot; or &quot;?&quot;</source>
        <translation>must not contain spaces, &quot;/&quot; or &quot;?&quot;</translation>
    </message>
    <message>
        <source>must be unique among the channels (%1 is used twice)</source>
        <translation>must be unique among the channels (%1 is used twice)</translation>
    </message>
    <message>
        <source>must be an array of kinds (got %1)</source>
        <translation>must be an array of kinds (got %1)</translation>
    </message>
    <message>
        <source>must be a string or an integer (got %1)</source>
        <translation>must be a string or an integer (got %1)</translation>
    </message>
    <message>
        <source>a non-string</source>
        <translation>a non-string</translation>
    </message>
    <message>
        <source>must be &quot;oracle_down&quot; or &quot;machine:NAME&quot; with NAME of 1 to 64 letters, digits, &quot;.&quot;, &quot;_&quot; or &quot;-&quot; (got %1)</source>
        <translation>must be &quot;oracle_down&quot; or &quot;machine:NAME&quot; with NAME of 1 to 64 letters, digits, &quot;.&quot;, &quot;_&quot; or &quot;-&quot; (got %1)</translation>
    </message>
    <message>
        <source>must name at least one task</source>
        <translation>must name at least one task</translation>
    </message>
    <message>
        <source>must be a task: one of %1 (got %2)</source>
        <translation>must be a task: one of %1 (got %2)</translation>
    </message>
    <message>
        <source>is the root of this rule itself</source>
        <translation>is the root of this rule itself</translation>
    </message>
    <message>
        <source>must be unique among the rules (%1 is used twice)</source>
        <translation>must be unique among the rules (%1 is used twice)</translation>
    </message>
    <message>
        <source>must be an array (got %1)</source>
        <translation>must be an array (got %1)</translation>
    </message>
    <message>
        <source>must be an array of task names (got %1)</source>
        <translation>must be an array of task names (got %1)</translation>
    </message>
    <message>
        <source>must be a task name (got %1)</source>
        <translation>must be a task name (got %1)</translation>
    </message>
    <message>
        <source>must name at least one page of %1</source>
        <translation>Circuit breaker of %1 opened</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a page (the pages are %2)</source>
        <translation>&quot;%1&quot; is not a page (the pages are %2)</translation>
    </message>
    <message>
        <source>names &quot;%1&quot; twice</source>
        <translation>names &quot;%1&quot; twice</translation>
    </message>
    <message>
        <source>wall.night_from and wall.night_to are set together</source>
        <translation>wall.night_from and wall.night_to are set together</translation>
    </message>
    <message>
        <source>expected a time as HH:MM, 24-hour (got %1)</source>
        <translation>expected a time as HH:MM, 24-hour (got %1)</translation>
    </message>
    <message>
        <source>is required when oracle.fallback_source is &quot;%1&quot;</source>
        <translation>is required when oracle.fallback_source is &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;alternative&quot; needs a second price source: set oracle.fallback_source (and its url or path)</source>
        <translation>&quot;alternative&quot; needs a second price source: set oracle.fallback_source (and its url or path)</translation>
    </message>
</context>
<context>
    <name>hb::ConfigDialog</name>
    <message>
        <source>Tasks</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>Thresholds</translation>
    </message>
    <message>
        <source>Oracle</source>
        <translation>Oracle</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Retention</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Heartbeat enabled</source>
        <translation>Heartbeat enabled</translation>
    </message>
    <message>
        <source>Maintenance mode</source>
        <translation>Maintenance mode</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <source>Tick interval (ms)</source>
        <translation>Tick interval (ms)</translation>
    </message>
    <message>
        <source>Task timeout (ms)</source>
        <translation>Task timeout (ms)</translation>
    </message>
    <message>
        <source>Tasks at once</source>
        <translation>Tasks at once</translation>
    </message>
    <message>
        <source>Liquidate after overdue (days)</source>
        <translation>Liquidate after overdue (days)</translation>
    </message>
    <message>
        <source>Memory warning (bytes)</source>
        <translation>Memory warning (bytes)</translation>
    </message>
    <message>
        <source>Cycles alert below</source>
        <translation>Cycles alert below</translation>
    </message>
    <message>
        <source>Cycles critical below</source>
        <translation>Cycles critical below</translation>
    </message>
    <message>
        <source>Breaker opens after failures</source>
        <translation>Breaker opens after failures</translation>
    </message>
    <message>
        <source>Breaker retry after (ms)</source>
        <translation>Breaker retry after (ms)</translation>
    </message>
    <message>
        <source>Keep raw rows (days)</source>
        <translation>Keep raw rows (days)</translation>
    </message>
    <message>
        <source>Keep minute rollups (days)</source>
        <translation>Keep minute rollups (days)</translation>
    </message>
    <message>
        <source>Keep hour rollups (days)</source>
        <translation>Keep hour rollups (days)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>URL (http)</source>
        <translation>URL (http)</translation>
    </message>
    <message>
        <source>File (file)</source>
        <translation>File (file)</translation>
    </message>
    <message>
        <source>Timeout (ms)</source>
        <translation>Timeout (ms)</translation>
    </message>
    <message>
        <source>Largest answer (bytes)</source>
        <translation>Largest answer (bytes)</translation>
    </message>
    <message>
        <source>Demo fault rate</source>
        <translation>Demo fault rate</translation>
    </message>
    <message>
        <source>Refresh prices older than (ms)</source>
        <translation>Refresh prices older than (ms)</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Configuration</translation>
    </message>
    <message>
        <source>Configuration (read only)</source>
        <translation>Configuration (read only)</translation>
    </message>
    <message>
        <source>Unlock admin to change the configuration.</source>
        <translation>Unlock admin to change the configuration.</translation>
    </message>
    <message>
        <source>HTTP API</source>
        <translation>HTTP API</translation>
    </message>
    <message>
        <source>Listen on (address:port)</source>
        <translation>Listen on (address:port)</translation>
    </message>
    <message>
        <source>Serve from this dashboard</source>
        <translation>Serve from this dashboard</translation>
    </message>
    <message>
        <source>/healthz needs a token</source>
        <translation>/healthz needs a token</translation>
    </message>
    <message>
        <source>/metrics needs a token</source>
        <translation>/metrics needs a token</translation>
    </message>
    <message>
        <source>Request timeout (ms)</source>
        <translation>Request timeout (ms)</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Fallback source</source>
        <translation>Fallback source</translation>
    </message>
    <message>
        <source>Fallback URL (http)</source>
        <translation>Fallback URL (http)</translation>
    </message>
    <message>
        <source>Fallback file (file)</source>
        <translation>Fallback file (file)</translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation>Schedules</translation>
    </message>
</context>
<context>
    <name>hb::CronExpr</name>
    <message>
        <source>minute</source>
        <translation>minute</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>hour</translation>
    </message>
    <message>
        <source>day of month</source>
        <translation>day of month</translation>
    </message>
    <message>
        <source>month</source>
        <translation>month</translation>
    </message>
    <message>
        <source>day of week</source>
        <translation>day of week</translation>
    </message>
    <message>
        <source>unexpected &quot;%1&quot;</source>
        <translation>unexpected &quot;%1&quot;</translation>
    </message>
    <message>
        <source>range %1 goes backwards</source>
        <translation>range %1 goes backwards</translation>
    </message>
    <message>
        <source>expected a step after &quot;/&quot;</source>
        <translation>expected a step after &quot;/&quot;</translation>
    </message>
    <message>
        <source>step must be at least 1</source>
        <translation>step must be at least 1</translation>
    </message>
    <message>
        <source>%1 %2 is out of range %3-%4</source>
        <translation>%1 %2 is out of range %3-%4</translation>
    </message>
    <message>
        <source>expected a number at the end of the %1 field</source>
        <translation>expected a number at the end of the %1 field</translation>
    </message>
    <message>
        <source>expected a number, got &quot;%1&quot;</source>
        <translation>expected a number, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unknown month name &quot;%1&quot;</source>
        <translation>unknown month name &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unknown day name &quot;%1&quot;</source>
        <translation>unknown day name &quot;%1&quot;</translation>
    </message>
    <message>
        <source>names are only for months and days of the week, got &quot;%1&quot; in the %2 field</source>
        <translation>names are only for months and days of the week, got &quot;%1&quot; in the %2 field</translation>
    </message>
    <message>
        <source>unknown macro &quot;%1&quot;</source>
        <translation>unknown macro &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected 5 fields, got %1</source>
        <translation>expected 5 fields, got %1</translation>
    </message>
    <message>
        <source>no chosen month has the chosen day of month</source>
        <translation>no chosen month has the chosen day of month</translation>
    </message>
</context>
<context>
    <name>hb::DemoSeedProgress</name>
    <message>
        <source>Heartbeat Dashboard</source>
        <translation>Heartbeat Dashboard</translation>
    </message>
    <message>
        <source>Building the demo ledger: %1 of %2 loans…</source>
        <translation>Building the demo ledger: %1 of %2 loans…</translation>
    </message>
</context>
<context>
    <name>hb::EngineHost</name>
    <message>
        <source>The engine thread has not responded for %1 s: no task is started or recorded. It is restarted if it stays stuck %2 s more.</source>
        <translation>The engine thread has not responded for %1 s: no task is started or recorded. It is restarted if it stays stuck %2 s more.</translation>
    </message>
</context>
<context>
    <name>hb::EngineRuntime</name>
    <message>
        <source>cannot create the data directory</source>
        <translation>cannot create the data directory</translation>
    </message>
    <message>
        <source>is not a directory</source>
        <translation>is not a directory</translation>
    </message>
    <message>
        <source>in use by another Heartbeat process (pid %1)</source>
        <translation>in use by another Heartbeat process (pid %1)</translation>
    </message>
    <message>
        <source>cannot write to the data directory</source>
        <translation>cannot write to the data directory</translation>
    </message>
</context>
<context>
    <name>hb::ExecutionChart</name>
    <message>
        <source>Tick time</source>
        <translation>Tick time</translation>
    </message>
    <message>
        <source>Tick</source>
        <translation>Tick</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Average</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>Peak</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>%1 by %2
%3%4</source>
        <translation>%1 by %2
%3%4</translation>
    </message>
    <message>
        <source>Emergency pause</source>
        <translation>Emergency pause</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Maintenance on</source>
        <translation>Maintenance on</translation>
    </message>
    <message>
        <source>Maintenance off</source>
        <translation>Maintenance off</translation>
    </message>
    <message>
        <source>Configuration changed</source>
        <translation>Configuration changed</translation>
    </message>
    <message>
        <source>Task enabled</source>
        <translation>Task enabled</translation>
    </message>
    <message>
        <source>Task disabled</source>
        <translation>Task disabled</translation>
    </message>
    <message>
        <source>Breaker reset</source>
        <translation>Breaker reset</translation>
    </message>
    <message>
        <source>Breaker forced open</source>
        <translation>Breaker forced open</translation>
    </message>
    <message>
        <source>Machine %1 down
%2%3</source>
        <translation>Machine %1 down
%2%3</translation>
    </message>
    <message>
        <source>Machine %1 up again
%2%3</source>
        <translation>Machine %1 up again
%2%3</translation>
    </message>
    <message>
        <source>Breaker of %1 opened
%2%3</source>
        <translation>Breaker of %1 opened
%2%3</translation>
    </message>
</context>
<context>
    <name>hb::HealthBanner</name>
    <message>
        <source>EMERGENCY PAUSE</source>
        <translation>EMERGENCY PAUSE</translation>
    </message>
    <message>
        <source>No task runs until an admin resumes.</source>
        <translation>No task runs until an admin resumes.</translation>
    </message>
    <message>
        <source>No task runs until an admin resumes. Reason: %1</source>
        <translation>No task runs until an admin resumes. Reason: %1</translation>
    </message>
    <message>
        <source>MAINTENANCE MODE</source>
        <translation>MAINTENANCE MODE</translation>
    </message>
    <message>
        <source>Ticks are recorded but no task runs.</source>
        <translation>Ticks are recorded but no task runs.</translation>
    </message>
    <message>
        <source>Heartbeat disabled</source>
        <translation>Heartbeat disabled</translation>
    </message>
    <message>
        <source>Enable it in the configuration to run tasks.</source>
        <translation>Enable it in the configuration to run tasks.</translation>
    </message>
    <message>
        <source>Waiting for the first heartbeat</source>
        <translation>Waiting for the first heartbeat</translation>
    </message>
    <message>
        <source>Heartbeat stale</source>
        <translation>Heartbeat stale</translation>
    </message>
    <message>
        <source>Healthy, with alerts</source>
        <translation>Healthy, with alerts</translation>
    </message>
    <message numerus="yes">
        <source>%n active alert(s)</source>
        <translation>
            <numerusform>%n active alert</numerusform>
            <numerusform>%n active alerts</numerusform>
        </translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>Healthy</translation>
    </message>
    <message>
        <source>Last heartbeat %1</source>
        <translation>Last heartbeat %1</translation>
    </message>
    <message>
        <source>Oracle: demo feed, degraded: %1</source>
        <translation>Oracle: demo feed, degraded: %1</translation>
    </message>
    <message>
        <source>Oracle: demo feed, down: price updates stopped by their circuit breaker</source>
        <translation>Oracle: demo feed, down: price updates stopped by their circuit breaker</translation>
    </message>
    <message>
        <source>Oracle: demo feed</source>
        <translation>Oracle: demo feed</translation>
    </message>
    <message>
        <source>Oracle not configured</source>
        <translation>Oracle not configured</translation>
    </message>
    <message>
        <source>Oracle not measured yet</source>
        <translation>Oracle not measured yet</translation>
    </message>
    <message>
        <source>Oracle OK</source>
        <translation>Oracle OK</translation>
    </message>
    <message>
        <source>Oracle OK (%1 errors, %2 average)</source>
        <translation>Oracle OK (%1 errors, %2 average)</translation>
    </message>
    <message>
        <source>Oracle degraded: %1</source>
        <translation>Oracle degraded: %1</translation>
    </message>
    <message>
        <source>Oracle down: price updates stopped by their circuit breaker</source>
        <translation>Oracle down: price updates stopped by their circuit breaker</translation>
    </message>
    <message>
        <source>SAFE MODE</source>
        <translation>SAFE MODE</translation>
    </message>
    <message>
        <source>Only critical tasks run until an admin leaves safe mode.</source>
        <translation>Only critical tasks run until an admin leaves safe mode.</translation>
    </message>
    <message>
        <source>Only critical tasks run until an admin leaves safe mode. Reason: %1</source>
        <translation>Only critical tasks run until an admin leaves safe mode. Reason: %1</translation>
    </message>
</context>
<context>
    <name>hb::HealthReport</name>
    <message>
        <source>No heartbeat yet: no tick has run.</source>
        <translation>No heartbeat yet: no tick has run.</translation>
    </message>
    <message>
        <source>The heartbeat is stale: the last tick started %1 s ago (the limit is %2 s).</source>
        <translation>The heartbeat is stale: the last tick started %1 s ago (the limit is %2 s).</translation>
    </message>
    <message>
        <source>The engine is in emergency pause.</source>
        <translation>The engine is in emergency pause.</translation>
    </message>
    <message>
        <source>The engine is in emergency pause: %1</source>
        <translation>The engine is in emergency pause: %1</translation>
    </message>
    <message>
        <source>Maintenance mode is on: no task runs.</source>
        <translation>Maintenance mode is on: no task runs.</translation>
    </message>
    <message>
        <source>The heartbeat is disabled: no task runs.</source>
        <translation>The heartbeat is disabled: no task runs.</translation>
    </message>
    <message>
        <source>The price feed is down: the %1 circuit breaker is open.</source>
        <translation>The price feed is down: the %1 circuit breaker is open.</translation>
    </message>
</context>
<context>
    <name>hb::HeartbeatEngine</name>
    <message>
        <source>cancelled: engine stopping</source>
        <translation>cancelled: engine stopping</translation>
    </message>
    <message>
        <source>exception: %1</source>
        <translation>exception: %1</translation>
    </message>
    <message>
        <source>unknown exception</source>
        <translation>unknown exception</translation>
    </message>
    <message>
        <source>timed out after %1 ms</source>
        <translation>timed out after %1 ms</translation>
    </message>
    <message>
        <source>%1 requires the %2 role; %3 is a %4</source>
        <translation>%1 requires the %2 role; %3 is a %4</translation>
    </message>
    <message>
        <source>cancelled: emergency pause</source>
        <translation>cancelled: emergency pause</translation>
    </message>
    <message>
        <source>there is no task named %1</source>
        <translation>there is no task named %1</translation>
    </message>
    <message>
        <source>cancelled: maintenance mode</source>
        <translation>cancelled: maintenance mode</translation>
    </message>
    <message>
        <source>reset by %1</source>
        <translation>reset by %1</translation>
    </message>
    <message>
        <source>forced open by %1</source>
        <translation>forced open by %1</translation>
    </message>
    <message numerus="yes">
        <source>Circuit breaker of %1 opened after %n failure(s); the task is skipped until its next trial</source>
        <translation>
            <numerusform>Circuit breaker of %1 opened after %n failure; the task is skipped until its next trial</numerusform>
            <numerusform>Circuit breaker of %1 opened after %n failures; the task is skipped until its next trial</numerusform>
        </translation>
    </message>
    <message>
        <source>Circuit breaker of %1 is half-open: one trial run decides</source>
        <translation>Circuit breaker of %1 is half-open: one trial run decides</translation>
    </message>
    <message>
        <source>Circuit breaker of %1 was forced open; the task is skipped until it is reset or its next trial</source>
        <translation>Circuit breaker of %1 was forced open; the task is skipped until it is reset or its next trial</translation>
    </message>
    <message>
        <source>circuit breaker open; next trial at %1</source>
        <translation>circuit breaker open; next trial at %1</translation>
    </message>
    <message>
        <source>circuit breaker half-open; its trial run has not answered yet</source>
        <translation>circuit breaker half-open; its trial run has not answered yet</translation>
    </message>
    <message>
        <source>%1, before it started</source>
        <translation>%1, before it started</translation>
    </message>
    <message>
        <source>The metrics store cannot be written (%1). The engine is paused and the ledger unchanged until Resume finds the store writable again.</source>
        <translation>The metrics store cannot be written (%1). The engine is paused and the ledger unchanged until Resume finds the store writable again.</translation>
    </message>
    <message>
        <source>metrics store failed: %1</source>
        <translation>metrics store failed: %1</translation>
    </message>
    <message>
        <source>cancelled: metrics store failed</source>
        <translation>cancelled: metrics store failed</translation>
    </message>
    <message>
        <source>the metrics store still cannot be written: %1</source>
        <translation>the metrics store still cannot be written: %1</translation>
    </message>
    <message>
        <source>a silence needs a reason</source>
        <translation>a silence needs a reason</translation>
    </message>
    <message>
        <source>a silence must end after it starts, and in the future</source>
        <translation>a silence must end after it starts, and in the future</translation>
    </message>
    <message>
        <source>there is no notification kind %1</source>
        <translation>there is no notification kind %1</translation>
    </message>
    <message>
        <source>the silence could not be saved: %1</source>
        <translation>the silence could not be saved: %1</translation>
    </message>
    <message>
        <source>there is no current or future silence %1</source>
        <translation>there is no current or future silence %1</translation>
    </message>
    <message>
        <source>the silence could not be ended: %1</source>
        <translation>the silence could not be ended: %1</translation>
    </message>
    <message>
        <source>this engine has no metrics store</source>
        <translation>this engine has no metrics store</translation>
    </message>
    <message>
        <source>safe mode: only critical tasks run</source>
        <translation>safe mode: only critical tasks run</translation>
    </message>
    <message>
        <source>attempt %1 of %2 failed; retrying in %3 ms: %4</source>
        <translation>attempt %1 of %2 failed; retrying in %3 ms: %4</translation>
    </message>
    <message>
        <source>attempt %1 of %2: %3</source>
        <translation>attempt %1 of %2: %3</translation>
    </message>
    <message>
        <source>failed; skipped by its fallback: %1</source>
        <translation>failed; skipped by its fallback: %1</translation>
    </message>
    <message>
        <source>%1 failed; its fallback tells and carries on: %2</source>
        <translation>%1 failed; its fallback tells and carries on: %2</translation>
    </message>
    <message>
        <source>stopped by its fallback until an admin enables it: %1</source>
        <translation>stopped by its fallback until an admin enables it: %1</translation>
    </message>
    <message>
        <source>%1 failed and its fallback (%2) too: %3</source>
        <translation>%1 failed and its fallback (%2) too: %3</translation>
    </message>
    <message>
        <source>bad cron expression at position %1: %2</source>
        <translation>bad cron expression at position %1: %2</translation>
    </message>
    <message>
        <source>unknown time zone %1</source>
        <translation>unknown time zone %1</translation>
    </message>
    <message>
        <source>a recurring silence lasts from one minute to seven days each time</source>
        <translation>a recurring silence lasts from one minute to seven days each time</translation>
    </message>
</context>
<context>
    <name>hb::HistoryModel</name>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Tick</source>
        <translation>Tick</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Waited %1 for a free worker thread before it started</source>
        <translation>Waited %1 for a free worker thread before it started</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Queued</translation>
    </message>
</context>
<context>
    <name>hb::HistoryPanel</name>
    <message>
        <source>All tasks</source>
        <translation>All tasks</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>All outcomes</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>Task:</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>Outcome:</translation>
    </message>
    <message>
        <source>%1 · tick %2 · %3 · %4</source>
        <translation>%1 · tick %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Select a tick or a run to see what happened.</source>
        <translation>Select a tick or a run to see what happened.</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Runs</translation>
    </message>
    <message>
        <source>Ticks</source>
        <translation>Ticks</translation>
    </message>
    <message>
        <source>Tick %1 · %2 · %3 · %4 ran, %5 succeeded, %6 failed</source>
        <translation>Tick %1 · %2 · %3 · %4 ran, %5 succeeded, %6 failed</translation>
    </message>
    <message>
        <source>No task ran: %1</source>
        <translation>No task ran: %1</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message>
        <source>Could not read the earlier history: %1</source>
        <translation>Could not read the earlier history: %1</translation>
    </message>
    <message>
        <source>No ticks yet.</source>
        <translation>No ticks yet.</translation>
    </message>
    <message>
        <source>No run matches the filter.</source>
        <translation>No run matches the filter.</translation>
    </message>
    <message>
        <source>No task runs yet.</source>
        <translation>No task runs yet.</translation>
    </message>
    <message>
        <source>Show recent runs</source>
        <translation>Show recent runs</translation>
    </message>
    <message>
        <source>Audit entries around it: %1</source>
        <translation>Audit entries around it: %1</translation>
    </message>
    <message>
        <source>No audit entry within 5 minutes of it.</source>
        <translation>No audit entry within 5 minutes of it.</translation>
    </message>
    <message>
        <source>Audit entries within 5 minutes:</source>
        <translation>Audit entries within 5 minutes:</translation>
    </message>
    <message>
        <source>Reading the runs of %1 – %2…</source>
        <translation>Reading the runs of %1 – %2…</translation>
    </message>
    <message>
        <source>Could not read the runs: %1</source>
        <translation>Could not read the runs: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n runs of %1 – %2</source>
        <translation>
            <numerusform>%n run of %1 – %2</numerusform>
            <numerusform>%n runs of %1 – %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hb::JsonRecordReader</name>
    <message>
        <source>expected an object</source>
        <translation>expected an object</translation>
    </message>
    <message>
        <source>expected 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>expected 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</translation>
    </message>
    <message>
        <source>expected a string</source>
        <translation>expected a string</translation>
    </message>
    <message>
        <source>expected a whole number of milliseconds from %1 to %2</source>
        <translation>expected a whole number of milliseconds from %1 to %2</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>expected true or false</translation>
    </message>
    <message>
        <source>expected 64 hexadecimal digits</source>
        <translation>expected 64 hexadecimal digits</translation>
    </message>
</context>
<context>
    <name>hb::Ledger</name>
    <message>
        <source>cannot read the shard list</source>
        <translation>cannot read the shard list</translation>
    </message>
    <message>
        <source>ledger_meta &apos;virtual_nodes&apos; is not a positive number</source>
        <translation>ledger_meta &apos;virtual_nodes&apos; is not a positive number</translation>
    </message>
    <message>
        <source>cannot read the ring settings</source>
        <translation>cannot read the ring settings</translation>
    </message>
    <message>
        <source>cannot create the ring</source>
        <translation>cannot create the ring</translation>
    </message>
    <message>
        <source>cannot change the ring</source>
        <translation>cannot change the ring</translation>
    </message>
    <message>
        <source>cannot journal a migration</source>
        <translation>cannot journal a migration</translation>
    </message>
    <message>
        <source>cannot switch the ring</source>
        <translation>cannot switch the ring</translation>
    </message>
    <message>
        <source>the migration journal is damaged (migration %1)</source>
        <translation>the migration journal is damaged (migration %1)</translation>
    </message>
    <message>
        <source>cannot read the migration journal</source>
        <translation>cannot read the migration journal</translation>
    </message>
    <message>
        <source>cannot read pool totals</source>
        <translation>cannot read pool totals</translation>
    </message>
    <message>
        <source>cannot write pool totals</source>
        <translation>cannot write pool totals</translation>
    </message>
    <message>
        <source>prices hold an unknown commodity &apos;%1&apos;</source>
        <translation>prices hold an unknown commodity &apos;%1&apos;</translation>
    </message>
    <message>
        <source>cannot read prices</source>
        <translation>cannot read prices</translation>
    </message>
    <message>
        <source>cannot write a price</source>
        <translation>cannot write a price</translation>
    </message>
    <message>
        <source>cannot read balances</source>
        <translation>cannot read balances</translation>
    </message>
    <message>
        <source>cannot write balances</source>
        <translation>cannot write balances</translation>
    </message>
    <message>
        <source>cannot transfer to cycles</source>
        <translation>cannot transfer to cycles</translation>
    </message>
    <message>
        <source>cannot burn cycles</source>
        <translation>cannot burn cycles</translation>
    </message>
    <message>
        <source>cannot create the folder</source>
        <translation>cannot create the folder</translation>
    </message>
    <message>
        <source>ledger_meta has no &apos;virtual_nodes&apos;</source>
        <translation>ledger_meta has no &apos;virtual_nodes&apos;</translation>
    </message>
    <message>
        <source>holds %1 loans but catalog.db lists no shards; restore catalog.db or move the shard files away</source>
        <translation>holds %1 loans but catalog.db lists no shards; restore catalog.db or move the shard files away</translation>
    </message>
    <message>
        <source>loan &apos;%1&apos; appears twice in one insert</source>
        <translation>loan &apos;%1&apos; appears twice in one insert</translation>
    </message>
    <message>
        <source>stopped during a migration; reopen the ledger to recover</source>
        <translation>stopped during a migration; reopen the ledger to recover</translation>
    </message>
    <message>
        <source>migration failed</source>
        <translation>migration failed</translation>
    </message>
    <message>
        <source>undoing it failed too (%1); reopen the ledger to recover</source>
        <translation>undoing it failed too (%1); reopen the ledger to recover</translation>
    </message>
    <message>
        <source>ledger catalog</source>
        <translation>ledger catalog</translation>
    </message>
    <message>
        <source>ledger shard</source>
        <translation>ledger shard</translation>
    </message>
    <message>
        <source>; the file is read-only</source>
        <translation>; the file is read-only</translation>
    </message>
    <message>
        <source>; its folder is read-only</source>
        <translation>; its folder is read-only</translation>
    </message>
    <message>
        <source>not a valid %1 (%2)</source>
        <translation>not a valid %1 (%2)</translation>
    </message>
    <message>
        <source>written by a newer version of Heartbeat Dashboard (schema %1; this build reads up to %2); upgrade to open it</source>
        <translation>written by a newer version of Heartbeat Dashboard (schema %1; this build reads up to %2); upgrade to open it</translation>
    </message>
    <message>
        <source>missing, but catalog.db lists it in the ring; restore it from a backup</source>
        <translation>missing, but catalog.db lists it in the ring; restore it from a backup</translation>
    </message>
    <message>
        <source>cannot open (%1)</source>
        <translation>cannot open (%1)</translation>
    </message>
    <message numerus="yes">
        <source>it holds %n other table(s)</source>
        <translation>
            <numerusform>it holds %n other table</numerusform>
            <numerusform>it holds %n other tables</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot write (%1)</source>
        <translation>cannot write (%1)</translation>
    </message>
    <message>
        <source>migration %1: the copied loans do not match on the destination shards (%2 found, %3 copied)</source>
        <translation>migration %1: the copied loans do not match on the destination shards (%2 found, %3 copied)</translation>
    </message>
    <message>
        <source>not a valid ledger shard</source>
        <translation>not a valid ledger shard</translation>
    </message>
    <message>
        <source>loan &apos;%1&apos; has an unknown %2 &apos;%3&apos;</source>
        <translation>loan &apos;%1&apos; has an unknown %2 &apos;%3&apos;</translation>
    </message>
    <message>
        <source>loan &apos;%1&apos; already exists</source>
        <translation>loan &apos;%1&apos; already exists</translation>
    </message>
    <message>
        <source>cannot insert loans</source>
        <translation>cannot insert loans</translation>
    </message>
    <message>
        <source>cannot delete loans</source>
        <translation>cannot delete loans</translation>
    </message>
    <message>
        <source>cannot read loan</source>
        <translation>cannot read loan</translation>
    </message>
    <message>
        <source>cannot update loan status</source>
        <translation>cannot update loan status</translation>
    </message>
    <message>
        <source>cannot read loans</source>
        <translation>cannot read loans</translation>
    </message>
    <message>
        <source>loans hold an unknown status &apos;%1&apos;</source>
        <translation>loans hold an unknown status &apos;%1&apos;</translation>
    </message>
    <message>
        <source>cannot count loans</source>
        <translation>cannot count loans</translation>
    </message>
    <message>
        <source>cannot sum pool totals</source>
        <translation>cannot sum pool totals</translation>
    </message>
    <message>
        <source>shard unavailable after %1 consecutive failures; next try in %2 s</source>
        <translation>shard unavailable after %1 consecutive failures; next try in %2 s</translation>
    </message>
    <message>
        <source>shard is not open</source>
        <translation>shard is not open</translation>
    </message>
    <message>
        <source>cannot sync to disk (%1)</source>
        <translation>cannot sync to disk (%1)</translation>
    </message>
    <message>
        <source>cannot create (renaming %1 failed%2)</source>
        <translation>cannot create (renaming %1 failed%2)</translation>
    </message>
    <message>
        <source>cannot credit the treasury</source>
        <translation>cannot credit the treasury</translation>
    </message>
    <message>
        <source>cannot read the audit outbox</source>
        <translation>cannot read the audit outbox</translation>
    </message>
    <message>
        <source>cannot clear the audit outbox</source>
        <translation>cannot clear the audit outbox</translation>
    </message>
    <message>
        <source>cannot write the audit outbox</source>
        <translation>cannot write the audit outbox</translation>
    </message>
    <message>
        <source>ledger changes refused: the metrics store failed (%1)</source>
        <translation>ledger changes refused: the metrics store failed (%1)</translation>
    </message>
</context>
<context>
    <name>hb::MachineListModel</name>
    <message>
        <source>new</source>
        <translation>new</translation>
    </message>
    <message>
        <source>up</source>
        <translation>up</translation>
    </message>
    <message>
        <source>down</source>
        <translation>down</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>Down for %1</source>
        <translation>Down for %1</translation>
    </message>
    <message numerus="yes">
        <source>The last %n heartbeat(s), oldest on the left; failures in red</source>
        <translation>
            <numerusform>The last heartbeat; a failure shows in red</numerusform>
            <numerusform>The last %n heartbeats, oldest on the left; failures in red</numerusform>
        </translation>
    </message>
    <message>
        <source>Since %1</source>
        <translation>Since %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message numerus="yes">
        <source>%n heartbeat(s)</source>
        <translation>
            <numerusform>%n heartbeat</numerusform>
            <numerusform>%n heartbeats</numerusform>
        </translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Machine</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Last seen</translation>
    </message>
    <message>
        <source>Down since</source>
        <translation>Down since</translation>
    </message>
    <message>
        <source>Offline after</source>
        <translation>Offline after</translation>
    </message>
    <message>
        <source>Recent heartbeats</source>
        <translation>Recent heartbeats</translation>
    </message>
</context>
<context>
    <name>hb::MachineRegistry</name>
    <message>
        <source>&apos;%1&apos; is not a valid machine name: use 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>&apos;%1&apos; is not a valid machine name: use 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</translation>
    </message>
    <message>
        <source>offline-after must be from 1s to 30d</source>
        <translation>offline-after must be from 1s to 30d</translation>
    </message>
    <message>
        <source>a machine named &apos;%1&apos; already exists</source>
        <translation>a machine named &apos;%1&apos; already exists</translation>
    </message>
    <message>
        <source>no machine named &apos;%1&apos;</source>
        <translation>no machine named &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>hb::MachinesPanel</name>
    <message>
        <source>&amp;Add machine…</source>
        <translation>&amp;Add machine…</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>Re&amp;move…</translation>
    </message>
    <message>
        <source>No machines yet. An admin adds one with Add machine… (or `heartbeatd machine add NAME`); it then pushes heartbeats to the HTTP API.</source>
        <translation>No machines yet. An admin adds one with Add machine… (or `heartbeatd machine add NAME`); it then pushes heartbeats to the HTTP API.</translation>
    </message>
    <message>
        <source>Unlock admin to change machines</source>
        <translation>Unlock admin to change machines</translation>
    </message>
    <message>
        <source>Register a machine and show its push token once</source>
        <translation>Register a machine and show its push token once</translation>
    </message>
    <message>
        <source>Stop judging the selected machine (or judge it again)</source>
        <translation>Stop judging the selected machine (or judge it again)</translation>
    </message>
    <message>
        <source>Forget the selected machine and its token</source>
        <translation>Forget the selected machine and its token</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>Res&amp;ume</translation>
    </message>
    <message>
        <source>admin is locked</source>
        <translation>admin is locked</translation>
    </message>
    <message>
        <source>Pause machine</source>
        <translation>Pause machine</translation>
    </message>
    <message>
        <source>Resume machine</source>
        <translation>Resume machine</translation>
    </message>
    <message>
        <source>Remove machine</source>
        <translation>Remove machine</translation>
    </message>
    <message>
        <source>Remove the machine “%1”? Its token stops working and its heartbeats are refused from now on; its past events stay in the history.</source>
        <translation>Remove the machine “%1”? Its token stops working and its heartbeats are refused from now on; its past events stay in the history.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>hb::MainWindow</name>
    <message>
        <source>Heartbeat Dashboard</source>
        <translation>Heartbeat Dashboard</translation>
    </message>
    <message>
        <source>Data directory: %1</source>
        <translation>Data directory: %1</translation>
    </message>
    <message>
        <source>Emergency &amp;pause</source>
        <translation>Emergency &amp;pause</translation>
    </message>
    <message>
        <source>Stop every task now and cancel running ones (Ctrl+Shift+P)</source>
        <translation>Stop every task now and cancel running ones (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Resume</translation>
    </message>
    <message>
        <source>Resume after an emergency pause (Ctrl+Shift+R)</source>
        <translation>Resume after an emergency pause (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>&amp;Maintenance mode</source>
        <translation>&amp;Maintenance mode</translation>
    </message>
    <message>
        <source>Keep recording heartbeats but run no task</source>
        <translation>Keep recording heartbeats but run no task</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Reset all circuit &amp;breakers</source>
        <translation>Reset all circuit &amp;breakers</translation>
    </message>
    <message>
        <source>Reset circuit breakers</source>
        <translation>Reset circuit breakers</translation>
    </message>
    <message>
        <source>Close every circuit breaker and clear its failure count?</source>
        <translation>Close every circuit breaker and clear its failure count?</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Engine</source>
        <translation>&amp;Engine</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Emergency</translation>
    </message>
    <message>
        <source>Last tick #%1, %2</source>
        <translation>Last tick #%1, %2</translation>
    </message>
    <message>
        <source>No tick yet</source>
        <translation>No tick yet</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refused: %1</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Not done</translation>
    </message>
    <message>
        <source>paused from the dashboard</source>
        <translation>paused from the dashboard</translation>
    </message>
    <message>
        <source>Emergency pause</source>
        <translation>Emergency pause</translation>
    </message>
    <message>
        <source>Every task stops now and running tasks are cancelled.
Reason (recorded in the audit log):</source>
        <translation>Every task stops now and running tasks are cancelled.
Reason (recorded in the audit log):</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Resume the heartbeat? Tasks run again from the next tick.</source>
        <translation>Resume the heartbeat? Tasks run again from the next tick.</translation>
    </message>
    <message>
        <source>Maintenance mode</source>
        <translation>Maintenance mode</translation>
    </message>
    <message>
        <source>Enter maintenance mode? Heartbeats are still recorded, but no task runs and running tasks are cancelled.</source>
        <translation>Enter maintenance mode? Heartbeats are still recorded, but no task runs and running tasks are cancelled.</translation>
    </message>
    <message>
        <source>No admin passphrase is set for this data directory: everyone here is a viewer. Choose Unlock admin to set one.</source>
        <translation>No admin passphrase is set for this data directory: everyone here is a viewer. Choose Unlock admin to set one.</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>Circuit breakers</source>
        <translation>Circuit breakers</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Admin locked after 5 idle minutes</source>
        <translation>Admin locked after 5 idle minutes</translation>
    </message>
    <message>
        <source>&amp;Unlock admin…</source>
        <translation>&amp;Unlock admin…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <source>&amp;Configuration…</source>
        <translation>&amp;Configuration…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>The language changes the next time the dashboard starts</source>
        <translation>The language changes the next time the dashboard starts</translation>
    </message>
    <message>
        <source>Admin: %1</source>
        <translation>Admin: %1</translation>
    </message>
    <message>
        <source>Viewer (read only)</source>
        <translation>Viewer (read only)</translation>
    </message>
    <message>
        <source>Set the admin passphrase</source>
        <translation>Set the admin passphrase</translation>
    </message>
    <message>
        <source>No admin passphrase is set yet. Choose one (at least %1 characters); only a salted hash is stored.</source>
        <translation>No admin passphrase is set yet. Choose one (at least %1 characters); only a salted hash is stored.</translation>
    </message>
    <message>
        <source>Type it again:</source>
        <translation>Type it again:</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <source>Unlock admin</source>
        <translation>Unlock admin</translation>
    </message>
    <message>
        <source>Admin passphrase:</source>
        <translation>Admin passphrase:</translation>
    </message>
    <message>
        <source>Admin unlocked; it locks again after 5 idle minutes</source>
        <translation>Admin unlocked; it locks again after 5 idle minutes</translation>
    </message>
    <message>
        <source>Wrong passphrase</source>
        <translation>Wrong passphrase</translation>
    </message>
    <message>
        <source>Alert: %1</source>
        <translation>Alert: %1</translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation>Go to %1</translation>
    </message>
    <message>
        <source>No alerts: cycles, memory, the treasury, the oracle and every circuit breaker are fine.</source>
        <translation>No alerts: cycles, memory, the treasury, the oracle and every circuit breaker are fine.</translation>
    </message>
    <message>
        <source>Viewers can watch but change nothing. Unlock admin, then do it again.</source>
        <translation>Viewers can watch but change nothing. Unlock admin, then do it again.</translation>
    </message>
    <message>
        <source>Unlock admin…</source>
        <translation>Unlock admin…</translation>
    </message>
    <message>
        <source>Change admin &amp;passphrase…</source>
        <translation>Change admin &amp;passphrase…</translation>
    </message>
    <message>
        <source>Change admin passphrase</source>
        <translation>Change admin passphrase</translation>
    </message>
    <message>
        <source>Current passphrase:</source>
        <translation>Current passphrase:</translation>
    </message>
    <message>
        <source>New passphrase (at least %1 characters):</source>
        <translation>New passphrase (at least %1 characters):</translation>
    </message>
    <message>
        <source>Admin passphrase changed</source>
        <translation>Admin passphrase changed</translation>
    </message>
    <message>
        <source>API &amp;tokens…</source>
        <translation>API &amp;tokens…</translation>
    </message>
    <message>
        <source>Create and revoke tokens for the HTTP API</source>
        <translation>Create and revoke tokens for the HTTP API</translation>
    </message>
    <message>
        <source>Unlock admin to manage API tokens</source>
        <translation>Unlock admin to manage API tokens</translation>
    </message>
    <message>
        <source>API: not serving</source>
        <translation>API: not serving</translation>
    </message>
    <message>
        <source>The HTTP API is not served: %1</source>
        <translation>The HTTP API is not served: %1</translation>
    </message>
    <message>
        <source>HTTP API not served</source>
        <translation>HTTP API not served</translation>
    </message>
    <message>
        <source>The dashboard could not serve the HTTP API.

%1

Choose another address in Configuration → HTTP API, or stop what uses this one.</source>
        <translation>The dashboard could not serve the HTTP API.

%1

Choose another address in Configuration → HTTP API, or stop what uses this one.</translation>
    </message>
    <message>
        <source>API: %1</source>
        <translation>API: %1</translation>
    </message>
    <message>
        <source>The HTTP API is served from this dashboard (http.dashboard)</source>
        <translation>The HTTP API is served from this dashboard (http.dashboard)</translation>
    </message>
    <message>
        <source>Machines</source>
        <translation>Machines</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>%1 (read-only) — Heartbeat Dashboard</source>
        <translation>%1 (read-only) — Heartbeat Dashboard</translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation>Read-only: %1</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>Cannot read the file: %1</translation>
    </message>
    <message>
        <source>&amp;Open metrics…</source>
        <translation>&amp;Open metrics…</translation>
    </message>
    <message>
        <source>Open a saved metrics.db read-only, in a window of its own (Ctrl+O)</source>
        <translation>Open a saved metrics.db read-only, in a window of its own (Ctrl+O)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Open &amp;recent</translation>
    </message>
    <message>
        <source>&amp;Follow the file</source>
        <translation>&amp;Follow the file</translation>
    </message>
    <message>
        <source>Keep reading what is added to the file, so the right edge stays live (Ctrl+F)</source>
        <translation>Keep reading what is added to the file, so the right edge stays live (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analysis</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>&amp;Analysis</translation>
    </message>
    <message>
        <source>Open metrics read-only</source>
        <translation>Open metrics read-only</translation>
    </message>
    <message>
        <source>Metrics databases (*.db);;All files (*)</source>
        <translation>Metrics databases (*.db);;All files (*)</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>Cannot open the file</translation>
    </message>
    <message>
        <source>%1 cannot be opened.

%2</source>
        <translation>%1 cannot be opened.

%2</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>No recent files</translation>
    </message>
    <message>
        <source>Analysis (read only)</source>
        <translation>Analysis (read only)</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Custom &amp;range…</source>
        <translation>Custom &amp;range…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>Per-task figures of the range (CSV)…</source>
        <translation>Per-task figures of the range (CSV)…</translation>
    </message>
    <message>
        <source>Runs shown in History (CSV)…</source>
        <translation>Runs shown in History (CSV)…</translation>
    </message>
    <message>
        <source>Audit entries of the range (CSV)…</source>
        <translation>Audit entries of the range (CSV)…</translation>
    </message>
    <message>
        <source>Tick time chart (PNG)…</source>
        <translation>Tick time chart (PNG)…</translation>
    </message>
    <message>
        <source>Success rate chart (PNG)…</source>
        <translation>Success rate chart (PNG)…</translation>
    </message>
    <message>
        <source>Cycles and memory chart (PNG)…</source>
        <translation>Cycles and memory chart (PNG)…</translation>
    </message>
    <message>
        <source>Shard load chart (PNG)…</source>
        <translation>Shard load chart (PNG)…</translation>
    </message>
    <message>
        <source>Save the chart</source>
        <translation>Save the chart</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>The window (PNG)…</source>
        <translation>The window (PNG)…</translation>
    </message>
    <message>
        <source>Save the window</source>
        <translation>Save the window</translation>
    </message>
    <message>
        <source>Maintenance &amp;report…</source>
        <translation>Maintenance &amp;report…</translation>
    </message>
    <message>
        <source>Write the maintenance report</source>
        <translation>Write the maintenance report</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf);;Web pages (*.html)</source>
        <translation>PDF documents (*.pdf);;Web pages (*.html)</translation>
    </message>
    <message>
        <source>%1 done</source>
        <translation>%1 done</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Exporting the runs</source>
        <translation>Exporting the runs</translation>
    </message>
    <message>
        <source>Exporting the per-task figures</source>
        <translation>Exporting the per-task figures</translation>
    </message>
    <message>
        <source>Exporting the audit entries</source>
        <translation>Exporting the audit entries</translation>
    </message>
    <message>
        <source>%1: cannot write (%2)</source>
        <translation>%1: cannot write (%2)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Writing the report</source>
        <translation>Writing the report</translation>
    </message>
    <message>
        <source>&amp;Compare ranges…</source>
        <translation>&amp;Compare ranges…</translation>
    </message>
    <message>
        <source>Leave &amp;safe mode</source>
        <translation>Leave &amp;safe mode</translation>
    </message>
    <message>
        <source>Run every enabled task again, not only the critical ones (admin)</source>
        <translation>Run every enabled task again, not only the critical ones (admin)</translation>
    </message>
    <message>
        <source>Leave safe mode</source>
        <translation>Leave safe mode</translation>
    </message>
    <message>
        <source>Leave safe mode? Every enabled task runs again from the next tick, not only the critical ones.</source>
        <translation>Leave safe mode? Every enabled task runs again from the next tick, not only the critical ones.</translation>
    </message>
</context>
<context>
    <name>hb::MemoryMonitoringTask</name>
    <message>
        <source>cannot read resident memory from /proc/self/statm</source>
        <translation>cannot read resident memory from /proc/self/statm</translation>
    </message>
    <message>
        <source>Memory use %1 is above the warning line of %2</source>
        <translation>Memory use %1 is above the warning line of %2</translation>
    </message>
</context>
<context>
    <name>hb::MetricsFile</name>
    <message>
        <source>the file is damaged (%1); restore a copy, or rescue what is left with `sqlite3 FILE .recover`</source>
        <translation>the file is damaged (%1); restore a copy, or rescue what is left with `sqlite3 FILE .recover`</translation>
    </message>
    <message>
        <source>cannot read (%1)</source>
        <translation>cannot read (%1)</translation>
    </message>
    <message>
        <source>the file is empty, not a metrics database</source>
        <translation>the file is empty, not a metrics database</translation>
    </message>
    <message>
        <source>not an SQLite database, so not a metrics database</source>
        <translation>not an SQLite database, so not a metrics database</translation>
    </message>
    <message>
        <source>shorter than an SQLite header</source>
        <translation>shorter than an SQLite header</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>no such file</translation>
    </message>
    <message>
        <source>a folder, not a metrics database</source>
        <translation>a folder, not a metrics database</translation>
    </message>
    <message>
        <source>not a regular file, so not a metrics database</source>
        <translation>not a regular file, so not a metrics database</translation>
    </message>
    <message>
        <source>%1 bytes where its header says %2: a truncated copy?</source>
        <translation>%1 bytes where its header says %2: a truncated copy?</translation>
    </message>
    <message>
        <source>written by a newer version of Heartbeat Dashboard (schema %1; this build reads up to %2); upgrade to open it</source>
        <translation>written by a newer version of Heartbeat Dashboard (schema %1; this build reads up to %2); upgrade to open it</translation>
    </message>
    <message>
        <source>an empty SQLite database, not a metrics database</source>
        <translation>an empty SQLite database, not a metrics database</translation>
    </message>
    <message>
        <source>an SQLite database of another program, not a metrics database (no schema version; tables missing: %1)</source>
        <translation>an SQLite database of another program, not a metrics database (no schema version; tables missing: %1)</translation>
    </message>
    <message>
        <source>not a complete metrics database (schema %1; tables missing: %2)</source>
        <translation>not a complete metrics database (schema %1; tables missing: %2)</translation>
    </message>
    <message>
        <source>reading %1: %2</source>
        <translation>reading %1: %2</translation>
    </message>
    <message>
        <source>cannot read %1 (%2)</source>
        <translation>cannot read %1 (%2)</translation>
    </message>
</context>
<context>
    <name>hb::MetricsPanel</name>
    <message>
        <source>Heartbeat metrics</source>
        <translation>Heartbeat metrics</translation>
    </message>
    <message>
        <source>Heartbeats</source>
        <translation>Heartbeats</translation>
    </message>
    <message>
        <source>Executions</source>
        <translation>Executions</translation>
    </message>
    <message>
        <source>Successful</source>
        <translation>Successful</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>Success rate</translation>
    </message>
    <message>
        <source>Average time</source>
        <translation>Average time</translation>
    </message>
    <message>
        <source>Peak time</source>
        <translation>Peak time</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Last execution</source>
        <translation>Last execution</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Memory</translation>
    </message>
    <message>
        <source>Last error at</source>
        <translation>Last error at</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Last error</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>hb::MetricsStore</name>
    <message>
        <source>cannot write (%1)</source>
        <translation>cannot write (%1)</translation>
    </message>
</context>
<context>
    <name>hb::NotificationsEditor</name>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>Desktop</translation>
    </message>
    <message>
        <source>Machine down</source>
        <translation>Machine down</translation>
    </message>
    <message>
        <source>Machine up</source>
        <translation>Machine up</translation>
    </message>
    <message>
        <source>Breaker opened</source>
        <translation>Breaker opened</translation>
    </message>
    <message>
        <source>Breaker closed</source>
        <translation>Breaker closed</translation>
    </message>
    <message>
        <source>Critical alert raised</source>
        <translation>Critical alert raised</translation>
    </message>
    <message>
        <source>Critical alert cleared</source>
        <translation>Critical alert cleared</translation>
    </message>
    <message>
        <source>Emergency pause</source>
        <translation>Emergency pause</translation>
    </message>
    <message>
        <source>Emergency resume</source>
        <translation>Emergency resume</translation>
    </message>
    <message>
        <source>Metrics store failed</source>
        <translation>Metrics store failed</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Info and above</translation>
    </message>
    <message>
        <source>Warning and above</source>
        <translation>Warning and above</translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation>Critical only</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>Remo&amp;ve</translation>
    </message>
    <message>
        <source>Send to this channel</source>
        <translation>Send to this channel</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Generate</translation>
    </message>
    <message>
        <source>Every kind, including kinds added later</source>
        <translation>Every kind, including kinds added later</translation>
    </message>
    <message>
        <source>The receiver checks the webhook-signature header with this key (Standard Webhooks)</source>
        <translation>The receiver checks the webhook-signature header with this key (Standard Webhooks)</translation>
    </message>
    <message>
        <source>Make a new random key; give the receiver the same one</source>
        <translation>Make a new random key; give the receiver the same one</translation>
    </message>
    <message>
        <source>Shown by the dashboard&apos;s tray icon while the dashboard runs.</source>
        <translation>Shown by the dashboard&apos;s tray icon while the dashboard runs.</translation>
    </message>
    <message>
        <source>While the condition lasts, send it again this often: e.g. 30m, 2h; “off” sends it once</source>
        <translation>While the condition lasts, send it again this often: e.g. 30m, 2h; “off” sends it once</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Secret:</source>
        <translation>&amp;Secret:</translation>
    </message>
    <message>
        <source>&amp;Bot token:</source>
        <translation>&amp;Bot token:</translation>
    </message>
    <message>
        <source>&amp;Chat ID:</source>
        <translation>&amp;Chat ID:</translation>
    </message>
    <message>
        <source>API &amp;base URL:</source>
        <translation>API &amp;base URL:</translation>
    </message>
    <message>
        <source>Kinds:</source>
        <translation>Kinds:</translation>
    </message>
    <message>
        <source>&amp;Lowest severity:</source>
        <translation>&amp;Lowest severity:</translation>
    </message>
    <message>
        <source>&amp;Resend every:</source>
        <translation>&amp;Resend every:</translation>
    </message>
    <message>
        <source>No channels: nothing is sent. Add a webhook, a Telegram chat or the desktop tray.</source>
        <translation>No channels: nothing is sent. Add a webhook, a Telegram chat or the desktop tray.</translation>
    </message>
    <message>
        <source>off</source>
        <translation>off</translation>
    </message>
    <message>
        <source>%1 (off)</source>
        <translation>%1 (off)</translation>
    </message>
    <message>
        <source>write a length such as 30m or 2h, or “off”</source>
        <translation>write a length such as 30m or 2h, or “off”</translation>
    </message>
    <message>
        <source>Channel “%1”: </source>
        <translation>Channel “%1”: </translation>
    </message>
    <message>
        <source>Dependency rules</source>
        <translation>Dependency rules</translation>
    </message>
</context>
<context>
    <name>hb::NotificationsPanel</name>
    <message>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>retrying</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>silenced</source>
        <translation>silenced</translation>
    </message>
    <message>
        <source>held</source>
        <translation>held</translation>
    </message>
    <message>
        <source>machine %1</source>
        <translation>machine %1</translation>
    </message>
    <message>
        <source>task %1</source>
        <translation>task %1</translation>
    </message>
    <message>
        <source>kind %1</source>
        <translation>kind %1</translation>
    </message>
    <message>
        <source>everything</source>
        <translation>everything</translation>
    </message>
    <message>
        <source>New silence</source>
        <translation>New silence</translation>
    </message>
    <message>
        <source>Why, e.g. &quot;relay maintenance&quot;</source>
        <translation>Why, e.g. &quot;relay maintenance&quot;</translation>
    </message>
    <message>
        <source>any machine</source>
        <translation>any machine</translation>
    </message>
    <message>
        <source>any task</source>
        <translation>any task</translation>
    </message>
    <message>
        <source>any kind</source>
        <translation>any kind</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>To:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>Machine:</source>
        <translation>Machine:</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>Task:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>A silence needs a reason.</source>
        <translation>A silence needs a reason.</translation>
    </message>
    <message>
        <source>It must end after it starts.</source>
        <translation>It must end after it starts.</translation>
    </message>
    <message>
        <source>It must end in the future.</source>
        <translation>It must end in the future.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Attempt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Matches</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Created by</translation>
    </message>
    <message>
        <source>New silence…</source>
        <translation>New silence…</translation>
    </message>
    <message>
        <source>End now</source>
        <translation>End now</translation>
    </message>
    <message>
        <source>Delivery log</source>
        <translation>Delivery log</translation>
    </message>
    <message>
        <source>Silences</source>
        <translation>Silences</translation>
    </message>
    <message>
        <source>The delivery log could not be read: %1</source>
        <translation>The delivery log could not be read: %1</translation>
    </message>
    <message>
        <source>The silences could not be read: %1</source>
        <translation>The silences could not be read: %1</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Upcoming</translation>
    </message>
    <message>
        <source>Unlock admin to change silences</source>
        <translation>Unlock admin to change silences</translation>
    </message>
    <message>
        <source>End silence</source>
        <translation>End silence</translation>
    </message>
    <message>
        <source>End the silence “%1” now? Notifications it matches are sent again from now on.</source>
        <translation>End the silence “%1” now? Notifications it matches are sent again from now on.</translation>
    </message>
    <message>
        <source>Load older</source>
        <translation>Load older</translation>
    </message>
    <message>
        <source>Every delivery is shown</source>
        <translation>Every delivery is shown</translation>
    </message>
    <message>
        <source>Show the %1 deliveries before these</source>
        <translation>Show the %1 deliveries before these</translation>
    </message>
    <message>
        <source>Repeat on a schedule</source>
        <translation>Repeat on a schedule</translation>
    </message>
    <message>
        <source>cron, e.g. 0 2 * * sun</source>
        <translation>cron, e.g. 0 2 * * sun</translation>
    </message>
    <message>
        <source>each time, e.g. 2h</source>
        <translation>each time, e.g. 2h</translation>
    </message>
    <message>
        <source>this machine&apos;s zone</source>
        <translation>this machine&apos;s zone</translation>
    </message>
    <message>
        <source>Runs at:</source>
        <translation>Runs at:</translation>
    </message>
    <message>
        <source>Lasts:</source>
        <translation>Lasts:</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Time zone:</translation>
    </message>
    <message>
        <source>Runs at: position %1: %2</source>
        <translation>Runs at: position %1: %2</translation>
    </message>
    <message>
        <source>Lasts: from 1m to 7d, e.g. 30m or 2h.</source>
        <translation>Lasts: from 1m to 7d, e.g. 30m or 2h.</translation>
    </message>
    <message>
        <source>Time zone: unknown zone %1.</source>
        <translation>Time zone: unknown zone %1.</translation>
    </message>
    <message>
        <source>Next: %1 to %2</source>
        <translation>Next: %1 to %2</translation>
    </message>
    <message>
        <source>It never falls between From and To.</source>
        <translation>It never falls between From and To.</translation>
    </message>
    <message>
        <source>%1, every %2 for %3%4</source>
        <translation>%1, every %2 for %3%4</translation>
    </message>
</context>
<context>
    <name>hb::NotifierWorker</name>
    <message>
        <source>the channel is no longer configured</source>
        <translation>the channel is no longer configured</translation>
    </message>
    <message>
        <source>the channel was removed from the configuration</source>
        <translation>the channel was removed from the configuration</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n dependent alert(s) held)</source>
        <translation>
            <numerusform>%1 (%n dependent alert held)</numerusform>
            <numerusform>%1 (%n dependent alerts held)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is active</source>
        <translation>%1 is active</translation>
    </message>
    <message>
        <source>Held while %1 was active; it is over, this is not.</source>
        <translation>Held while %1 was active; it is over, this is not.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n dependent alert(s) were held)</source>
        <translation>
            <numerusform>%1 (%n dependent alert was held)</numerusform>
            <numerusform>%1 (%n dependent alerts were held)</numerusform>
        </translation>
    </message>
    <message>
        <source>held under %1</source>
        <translation>held under %1</translation>
    </message>
    <message>
        <source>silenced until %1: %2</source>
        <translation>silenced until %1: %2</translation>
    </message>
    <message>
        <source>%1 is still active</source>
        <translation>%1 is still active</translation>
    </message>
    <message>
        <source>no answer within %1 ms</source>
        <translation>no answer within %1 ms</translation>
    </message>
    <message>
        <source>HTTP %1 %2</source>
        <translation>HTTP %1 %2</translation>
    </message>
</context>
<context>
    <name>hb::Oracle</name>
    <message>
        <source>demo feed: simulated outage (HTTP 503 Service Unavailable)</source>
        <translation>demo feed: simulated outage (HTTP 503 Service Unavailable)</translation>
    </message>
    <message>
        <source>is a directory</source>
        <translation>is a directory</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>cannot read %1: %2</translation>
    </message>
    <message>
        <source>%1 is larger than the limit of %2 bytes</source>
        <translation>%1 is larger than the limit of %2 bytes</translation>
    </message>
    <message>
        <source>the response is larger than the limit of %1 bytes</source>
        <translation>the response is larger than the limit of %1 bytes</translation>
    </message>
    <message>
        <source>HTTP %1: redirect to %2 not followed</source>
        <translation>HTTP %1: redirect to %2 not followed</translation>
    </message>
    <message>
        <source>HTTP %1 %2</source>
        <translation>HTTP %1 %2</translation>
    </message>
    <message>
        <source>the response of %1 bytes is larger than the limit of %2 bytes</source>
        <translation>the response of %1 bytes is larger than the limit of %2 bytes</translation>
    </message>
    <message>
        <source>the response was truncated (%1 of %2 bytes)</source>
        <translation>the response was truncated (%1 of %2 bytes)</translation>
    </message>
    <message>
        <source>request failed: %1</source>
        <translation>request failed: %1</translation>
    </message>
    <message>
        <source>TLS error: %1</source>
        <translation>TLS error: %1</translation>
    </message>
    <message>
        <source>timed out after %1 ms</source>
        <translation>timed out after %1 ms</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>(an array)</source>
        <translation>(an array)</translation>
    </message>
    <message>
        <source>(an object)</source>
        <translation>(an object)</translation>
    </message>
    <message>
        <source>%1: price is missing</source>
        <translation>%1: price is missing</translation>
    </message>
    <message>
        <source>%1: price %2 is not a number</source>
        <translation>%1: price %2 is not a number</translation>
    </message>
    <message>
        <source>%1: price %2 is not positive</source>
        <translation>%1: price %2 is not positive</translation>
    </message>
    <message>
        <source>%1: price %2 is above the ceiling of %3</source>
        <translation>%1: price %2 is above the ceiling of %3</translation>
    </message>
    <message>
        <source>%1: price %2 moved %3% from the reference price %4 (more than %5%)</source>
        <translation>%1: price %2 moved %3% from the reference price %4 (more than %5%)</translation>
    </message>
    <message>
        <source>%1: timestamp_ms is missing</source>
        <translation>%1: timestamp_ms is missing</translation>
    </message>
    <message>
        <source>%1: timestamp_ms %2 is not an integer</source>
        <translation>%1: timestamp_ms %2 is not an integer</translation>
    </message>
    <message>
        <source>%1: timestamp_ms %2 is before 2001 (seconds, not milliseconds?)</source>
        <translation>%1: timestamp_ms %2 is before 2001 (seconds, not milliseconds?)</translation>
    </message>
    <message>
        <source>%1: timestamp_ms %2 is %3 s in the future</source>
        <translation>%1: timestamp_ms %2 is %3 s in the future</translation>
    </message>
    <message>
        <source>%1: source %2 is not a string</source>
        <translation>%1: source %2 is not a string</translation>
    </message>
    <message>
        <source>not valid JSON: %1 at byte %2</source>
        <translation>not valid JSON: %1 at byte %2</translation>
    </message>
    <message>
        <source>the document is not a JSON object</source>
        <translation>the document is not a JSON object</translation>
    </message>
    <message>
        <source>the document has no &quot;prices&quot; array</source>
        <translation>the document has no &quot;prices&quot; array</translation>
    </message>
    <message>
        <source>prices[%1]: not an object</source>
        <translation>prices[%1]: not an object</translation>
    </message>
    <message>
        <source>prices[%1]: commodity is missing</source>
        <translation>prices[%1]: commodity is missing</translation>
    </message>
    <message>
        <source>prices[%1]: commodity %2 is not a non-empty string</source>
        <translation>prices[%1]: commodity %2 is not a non-empty string</translation>
    </message>
    <message>
        <source>%1: listed %2 times</source>
        <translation>%1: listed %2 times</translation>
    </message>
    <message>
        <source>%1: no price in the response</source>
        <translation>%1: no price in the response</translation>
    </message>
</context>
<context>
    <name>hb::PassphraseFile</name>
    <message>
        <source>cannot read (%1)</source>
        <translation>cannot read (%1)</translation>
    </message>
    <message>
        <source>not a valid passphrase file</source>
        <translation>not a valid passphrase file</translation>
    </message>
    <message>
        <source>the passphrase must have at least %1 characters</source>
        <translation>the passphrase must have at least %1 characters</translation>
    </message>
    <message>
        <source>cannot save (%1)</source>
        <translation>cannot save (%1)</translation>
    </message>
</context>
<context>
    <name>hb::RangeCompareModel</name>
    <message>
        <source>≈ %1</source>
        <comment>an estimated duration</comment>
        <translation>≈ %1</translation>
    </message>
    <message>
        <source>%1 pp</source>
        <comment>percentage points</comment>
        <translation>%1 pp</translation>
    </message>
    <message>
        <source>%1 (%2 %)</source>
        <comment>a change and its percentage</comment>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation>All tasks</translation>
    </message>
    <message>
        <source>Estimated from the rollups: whole minutes or hours around the range; percentiles from duration histograms, within one histogram bucket.</source>
        <translation>Estimated from the rollups: whole minutes or hours around the range; percentiles from duration histograms, within one histogram bucket.</translation>
    </message>
    <message>
        <source>Not available: no runs, or this part of the file predates duration histograms and its raw rows are gone.</source>
        <translation>Not available: no runs, or this part of the file predates duration histograms and its raw rows are gone.</translation>
    </message>
    <message>
        <source>Range A: %1 – %2</source>
        <translation>Range A: %1 – %2</translation>
    </message>
    <message>
        <source>Range B: %1 – %2</source>
        <translation>Range B: %1 – %2</translation>
    </message>
    <message>
        <source>A − B, and its percentage of B</source>
        <translation>A − B, and its percentage of B</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Runs</translation>
    </message>
    <message>
        <source>Failure rate</source>
        <translation>Failure rate</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>%1 (A)</source>
        <translation>%1 (A)</translation>
    </message>
    <message>
        <source>%1 (B)</source>
        <translation>%1 (B)</translation>
    </message>
    <message>
        <source>%1 change</source>
        <translation>%1 change</translation>
    </message>
</context>
<context>
    <name>hb::RecordedSource</name>
    <message>
        <source>nothing new in %1 (no engine is writing it)</source>
        <translation>Tasks</translation>
    </message>
</context>
<context>
    <name>hb::RemoteSource</name>
    <message>
        <source>the engine does not answer</source>
        <translation>the engine does not answer</translation>
    </message>
    <message>
        <source>connecting to %1</source>
        <translation>connecting to %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a URL</source>
        <translation>&quot;%1&quot; is not a URL</translation>
    </message>
    <message>
        <source>%1 is not an http:// or https:// address</source>
        <translation>%1 is not an http:// or https:// address</translation>
    </message>
    <message>
        <source>%1 names no host</source>
        <translation>%1 names no host</translation>
    </message>
    <message>
        <source>the engine answered with %1, not an event stream</source>
        <translation>the engine answered with %1, not an event stream</translation>
    </message>
    <message>
        <source>the engine closed the connection</source>
        <translation>the engine closed the connection</translation>
    </message>
    <message>
        <source>the token was refused (wrong or revoked)</source>
        <translation>the token was refused (wrong or revoked)</translation>
    </message>
    <message>
        <source>the engine speaks API version %1; this wall understands %2</source>
        <translation>the engine speaks API version %1; this wall understands %2</translation>
    </message>
    <message>
        <source>the engine answered HTTP %1</source>
        <translation>the engine answered HTTP %1</translation>
    </message>
    <message>
        <source>%1 has no Heartbeat event stream (HTTP 404)</source>
        <translation>%1 has no Heartbeat event stream (HTTP 404)</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>connection refused</translation>
    </message>
    <message>
        <source>host %1 not found</source>
        <translation>host %1 not found</translation>
    </message>
    <message>
        <source>the TLS handshake failed: %1</source>
        <translation>the TLS handshake failed: %1</translation>
    </message>
    <message numerus="yes">
        <source>no update from the engine for %n s</source>
        <translation>
            <numerusform>no update from the engine for %n s</numerusform>
            <numerusform>no update from the engine for %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>not a JSON object</translation>
    </message>
    <message>
        <source>the engine sent an %1 event this wall cannot read: %2</source>
        <translation>the engine sent an %1 event this wall cannot read: %2</translation>
    </message>
    <message>
        <source>the engine sent a snapshot this wall cannot read: %1</source>
        <translation>the engine sent a snapshot this wall cannot read: %1</translation>
    </message>
    <message>
        <source>expected an array</source>
        <translation>expected an array</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>expected an object</translation>
    </message>
    <message>
        <source>the engine sent records this wall cannot read: %1</source>
        <translation>the engine sent records this wall cannot read: %1</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>a page larger than %1 bytes</source>
        <translation>a page larger than %1 bytes</translation>
    </message>
    <message>
        <source>not a page of %1</source>
        <translation>not a page of %1</translation>
    </message>
</context>
<context>
    <name>hb::ReplayBar</name>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Play</translation>
    </message>
    <message>
        <source>Play or pause the replay (Space); Left and Right step</source>
        <translation>Play or pause the replay (Space); Left and Right step</translation>
    </message>
    <message>
        <source>The moment the panels show</source>
        <translation>The moment the panels show</translation>
    </message>
    <message>
        <source>Replay moment</source>
        <translation>Replay moment</translation>
    </message>
    <message>
        <source>Replay speed</source>
        <translation>Replay speed</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
</context>
<context>
    <name>hb::ReplayController</name>
    <message>
        <source>Cannot replay %1: %2</source>
        <translation>Cannot replay %1: %2</translation>
    </message>
</context>
<context>
    <name>hb::ResourceChart</name>
    <message>
        <source>Cycles &amp; memory</source>
        <translation>Cycles &amp; memory</translation>
    </message>
    <message>
        <source>Cycles</source>
        <translation>Cycles</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Memory</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alert</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>Mem. limit</source>
        <translation>Mem. limit</translation>
    </message>
</context>
<context>
    <name>hb::RulesEditor</name>
    <message>
        <source>Add r&amp;ule</source>
        <translation>Add r&amp;ule</translation>
    </message>
    <message>
        <source>Remove ru&amp;le</source>
        <translation>Remove ru&amp;le</translation>
    </message>
    <message>
        <source>De&amp;faults</source>
        <translation>De&amp;faults</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>Root cause</translation>
    </message>
    <message>
        <source>Holds the alerts of</source>
        <translation>Holds the alerts of</translation>
    </message>
    <message>
        <source>“oracle_down”, or “machine:NAME” for a machine that is down</source>
        <translation>“oracle_down”, or “machine:NAME” for a machine that is down</translation>
    </message>
    <message>
        <source>Task names separated by commas: %1</source>
        <translation>Task names separated by commas: %1</translation>
    </message>
    <message>
        <source>The built-in rule: oracle down holds price_update and auto_liquidation</source>
        <translation>The built-in rule: oracle down holds price_update and auto_liquidation</translation>
    </message>
    <message>
        <source>While a root cause lasts, the alerts of the tasks it holds are shown under it and not sent on their own.</source>
        <translation>While a root cause lasts, the alerts of the tasks it holds are shown under it and not sent on their own.</translation>
    </message>
    <message>
        <source>Rule %1: %2</source>
        <translation>Rule %1: %2</translation>
    </message>
</context>
<context>
    <name>hb::ScheduleEditor</name>
    <message>
        <source>Every tick</source>
        <translation>Every tick</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Interval</translation>
    </message>
    <message>
        <source>Cron expression</source>
        <translation>Cron expression</translation>
    </message>
    <message>
        <source>Once</source>
        <translation>Once</translation>
    </message>
    <message>
        <source>e.g. 90s, 5m, 2h or 1d</source>
        <translation>e.g. 90s, 5m, 2h or 1d</translation>
    </message>
    <message>
        <source>minute hour day month weekday, e.g. 0 3 * * *</source>
        <translation>minute hour day month weekday, e.g. 0 3 * * *</translation>
    </message>
    <message>
        <source>this machine&apos;s (%1)</source>
        <translation>this machine&apos;s (%1)</translation>
    </message>
    <message>
        <source>always; or e.g. 09:00-21:00</source>
        <translation>always; or e.g. 09:00-21:00</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Run once right away</source>
        <translation>Run once right away</translation>
    </message>
    <message>
        <source>Skip them</source>
        <translation>Skip them</translation>
    </message>
    <message>
        <source>Run each (at most %1)</source>
        <translation>Run each (at most %1)</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Runs</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Every</translation>
    </message>
    <message>
        <source>Cron</source>
        <translation>Cron</translation>
    </message>
    <message>
        <source>At</source>
        <translation>At</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <source>Active hours</source>
        <translation>Active hours</translation>
    </message>
    <message>
        <source>Jitter</source>
        <translation>Jitter</translation>
    </message>
    <message>
        <source>Missed runs</source>
        <translation>Missed runs</translation>
    </message>
    <message>
        <source>Next runs</source>
        <translation>Next runs</translation>
    </message>
    <message>
        <source>%1 — needs fixing</source>
        <translation>%1 — needs fixing</translation>
    </message>
    <message>
        <source>No runs to show until the schedule is fixed.</source>
        <translation>No runs to show until the schedule is fixed.</translation>
    </message>
    <message>
        <source>Runs at every tick of the engine.</source>
        <translation>Runs at every tick of the engine.</translation>
    </message>
    <message>
        <source>this machine&apos;s zone, %1</source>
        <translation>this machine&apos;s zone, %1</translation>
    </message>
    <message>
        <source>No run to come.</source>
        <translation>No run to come.</translation>
    </message>
    <message>
        <source>Times in %1:</source>
        <translation>Times in %1:</translation>
    </message>
    <message>
        <source>Each run may start up to %1 s later (jitter).</source>
        <translation>Each run may start up to %1 s later (jitter).</translation>
    </message>
    <message>
        <source>Only inside the active hours %1; runs outside them are skipped.</source>
        <translation>Only inside the active hours %1; runs outside them are skipped.</translation>
    </message>
</context>
<context>
    <name>hb::ShardChart</name>
    <message>
        <source>Shard load</source>
        <translation>Shard load</translation>
    </message>
    <message>
        <source>Shards</source>
        <translation>Shards</translation>
    </message>
    <message>
        <source>Shard %1</source>
        <translation>Shard %1</translation>
    </message>
    <message>
        <source>Shards, least to most loaded</source>
        <translation>Shards, least to most loaded</translation>
    </message>
    <message>
        <source>Shards, mean load</source>
        <translation>Shards, mean load</translation>
    </message>
    <message>
        <source>%1 · Shard load: min %2, mean %3, max %4</source>
        <translation>%1 · Shard load: min %2, mean %3, max %4</translation>
    </message>
</context>
<context>
    <name>hb::SharedJsonFile</name>
    <message>
        <source>cannot read (%1)</source>
        <translation>cannot read (%1)</translation>
    </message>
    <message>
        <source>not valid JSON: %1 at byte %2</source>
        <translation>not valid JSON: %1 at byte %2</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>not a JSON object</translation>
    </message>
    <message>
        <source>version: expected a whole number</source>
        <translation>version: expected a whole number</translation>
    </message>
    <message>
        <source>written by a newer version of Heartbeat (format %1; this version reads %2)</source>
        <translation>written by a newer version of Heartbeat (format %1; this version reads %2)</translation>
    </message>
    <message>
        <source>version: unknown format %1</source>
        <translation>version: unknown format %1</translation>
    </message>
    <message>
        <source>expected an array</source>
        <translation>expected an array</translation>
    </message>
    <message>
        <source>cannot save (%1)</source>
        <translation>cannot save (%1)</translation>
    </message>
    <message>
        <source>cannot make it private</source>
        <translation>cannot make it private</translation>
    </message>
    <message>
        <source>the data directory does not exist</source>
        <translation>the data directory does not exist</translation>
    </message>
    <message>
        <source>being changed by another process (pid %1)</source>
        <translation>being changed by another process (pid %1)</translation>
    </message>
    <message>
        <source>cannot lock (the data directory is not writable)</source>
        <translation>cannot lock (the data directory is not writable)</translation>
    </message>
</context>
<context>
    <name>hb::SseStream</name>
    <message>
        <source>a line of the event stream is longer than %1 bytes</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>an event of the event stream is larger than %1 bytes</source>
        <translation>an event of the event stream is larger than %1 bytes</translation>
    </message>
</context>
<context>
    <name>hb::SuccessChart</name>
    <message>
        <source>Success rate</source>
        <translation>Success rate</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Success</translation>
    </message>
</context>
<context>
    <name>hb::SummaryPanel</name>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Runs</translation>
    </message>
    <message>
        <source>Failure rate</source>
        <translation>Failure rate</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>Computing the figures of %1 – %2…</source>
        <translation>Computing the figures of %1 – %2…</translation>
    </message>
    <message>
        <source>Cannot compute the figures: %1</source>
        <translation>Cannot compute the figures: %1</translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation>All tasks</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n runs · exact: from every run of the range</source>
        <translation>
            <numerusform>%1 · %n run · exact: from every run of the range</numerusform>
            <numerusform>%1 · %n runs · exact: from every run of the range</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · percentiles estimated from the per-minute and per-hour histograms (≈), over whole buckets %2 – %3</source>
        <translation>%1 · percentiles estimated from the per-minute and per-hour histograms (≈), over whole buckets %2 – %3</translation>
    </message>
    <message>
        <source>%1 · percentiles unavailable: this part of the file was written before duration histograms were kept</source>
        <translation>%1 · percentiles unavailable: this part of the file was written before duration histograms were kept</translation>
    </message>
</context>
<context>
    <name>hb::SystemHealth</name>
    <message>
        <source>No heartbeat for %1 s: the last tick started at %2 (the limit is %3 s)</source>
        <translation>No heartbeat for %1 s: the last tick started at %2 (the limit is %3 s)</translation>
    </message>
    <message>
        <source>%1 runs failed in the last 24 hours (the limit is %2)</source>
        <translation>%1 runs failed in the last 24 hours (the limit is %2)</translation>
    </message>
</context>
<context>
    <name>hb::TaskSchedule</name>
    <message>
        <source>an object</source>
        <translation>an object</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>an array</translation>
    </message>
    <message>
        <source>every tick</source>
        <translation>every tick</translation>
    </message>
    <message>
        <source>every %1</source>
        <translation>every %1</translation>
    </message>
    <message>
        <source>cron %1</source>
        <translation>cron %1</translation>
    </message>
    <message>
        <source>cron %1 (%2)</source>
        <translation>cron %1 (%2)</translation>
    </message>
    <message>
        <source>once at %1</source>
        <translation>once at %1</translation>
    </message>
    <message>
        <source>active %1</source>
        <translation>active %1</translation>
    </message>
    <message>
        <source>unknown time zone &quot;%1&quot; (an IANA name such as Asia/Jakarta)</source>
        <translation>unknown time zone &quot;%1&quot; (an IANA name such as Asia/Jakarta)</translation>
    </message>
    <message>
        <source>must be between 1s and 366d, written like 90s, 5m, 2h or 1d</source>
        <translation>must be between 1s and 366d, written like 90s, 5m, 2h or 1d</translation>
    </message>
    <message>
        <source>position %1: %2</source>
        <translation>position %1: %2</translation>
    </message>
    <message>
        <source>must be a date and time, e.g. 2026-12-24T02:00:00+07:00</source>
        <translation>must be a date and time, e.g. 2026-12-24T02:00:00+07:00</translation>
    </message>
    <message>
        <source>must be HH:MM-HH:MM, 24-hour, two different times (got &quot;%1&quot;)</source>
        <translation>must be HH:MM-HH:MM, 24-hour, two different times (got &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>must be a whole number of seconds between 0 and %1</source>
        <translation>must be a whole number of seconds between 0 and %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is for price_update only (it needs a price source)</source>
        <translation>&quot;%1&quot; is for price_update only (it needs a price source)</translation>
    </message>
    <message>
        <source>must be an integer between 0 and %1</source>
        <translation>must be an integer between 0 and %1</translation>
    </message>
    <message>
        <source>must be an integer between 10 and 600000</source>
        <translation>must be an integer between 10 and 600000</translation>
    </message>
    <message>
        <source>must be an integer between retry_base_ms (%1) and 3600000</source>
        <translation>must be an integer between retry_base_ms (%1) and 3600000</translation>
    </message>
    <message>
        <source>must be true, false or an object with &quot;enabled&quot; and a schedule (got %1)</source>
        <translation>must be true, false or an object with &quot;enabled&quot; and a schedule (got %1)</translation>
    </message>
    <message>
        <source>must be a string (got %1)</source>
        <translation>must be a string (got %1)</translation>
    </message>
    <message>
        <source>unknown field (known: %1)</source>
        <translation>unknown field (known: %1)</translation>
    </message>
    <message>
        <source>must be true or false (got %1)</source>
        <translation>must be true or false (got %1)</translation>
    </message>
    <message>
        <source>must be one of %1 (got &quot;%2&quot;)</source>
        <translation>must be one of %1 (got &quot;%2&quot;)</translation>
    </message>
    <message>
        <source>is required when schedule is &quot;%1&quot;</source>
        <translation>is required when schedule is &quot;%1&quot;</translation>
    </message>
    <message>
        <source>must be a number and a unit: 90s, 5m, 2h or 1d (got &quot;%1&quot;)</source>
        <translation>must be a number and a unit: 90s, 5m, 2h or 1d (got &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>must be an ISO 8601 date and time, e.g. 2026-12-24T02:00:00+07:00 (got &quot;%1&quot;)</source>
        <translation>must be an ISO 8601 date and time, e.g. 2026-12-24T02:00:00+07:00 (got &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>must be a whole number of seconds between 0 and %1 (got %2)</source>
        <translation>must be a whole number of seconds between 0 and %1 (got %2)</translation>
    </message>
    <message>
        <source>must be a whole number (got %1)</source>
        <translation>must be a whole number (got %1)</translation>
    </message>
    <message>
        <source>outside active hours %1</source>
        <translation>outside active hours %1</translation>
    </message>
    <message>
        <source>still running</source>
        <translation>still running</translation>
    </message>
    <message>
        <source>catch-up run (%1 more to go)</source>
        <translation>catch-up run (%1 more to go)</translation>
    </message>
    <message>
        <source>missed %1 run(s) since %2; skipped (misfire policy skip)</source>
        <translation>missed %1 run(s) since %2; skipped (misfire policy skip)</translation>
    </message>
    <message>
        <source>missed %1 run(s) since %2; running %3 (misfire policy run_all)</source>
        <translation>missed %1 run(s) since %2; running %3 (misfire policy run_all)</translation>
    </message>
    <message>
        <source>missed %1 run(s) since %2; running once (misfire policy run_once)</source>
        <translation>missed %1 run(s) since %2; running once (misfire policy run_once)</translation>
    </message>
</context>
<context>
    <name>hb::TaskTableModel</name>
    <message>
        <source>on</source>
        <translation>on</translation>
    </message>
    <message>
        <source>off</source>
        <translation>off</translation>
    </message>
    <message numerus="yes">
        <source> (%n failure(s))</source>
        <translation>
            <numerusform> (%n failure)</numerusform>
            <numerusform> (%n failures)</numerusform>
        </translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>not yet</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>running…</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <source>Circuit breaker</source>
        <translation>Circuit breaker</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Last run</translation>
    </message>
    <message>
        <source>Last outcome</source>
        <translation>Last outcome</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>every %1</source>
        <translation>every %1</translation>
    </message>
    <message>
        <source>%1 (held)</source>
        <translation>%1 (held)</translation>
    </message>
    <message>
        <source>Turned off: the next tick skips this task.</source>
        <translation>Turned off: the next tick skips this task.</translation>
    </message>
    <message>
        <source>Ticks still run but start no task until the engine is resumed.</source>
        <translation>Ticks still run but start no task until the engine is resumed.</translation>
    </message>
    <message>
        <source>Runs once per tick.</source>
        <translation>Runs once per tick.</translation>
    </message>
    <message>
        <source>Runs once per tick; next tick at %1.</source>
        <translation>Runs once per tick; next tick at %1.</translation>
    </message>
    <message>
        <source>held</source>
        <translation>held</translation>
    </message>
    <message>
        <source>next tick</source>
        <translation>next tick</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>No run is scheduled.</source>
        <translation>No run is scheduled.</translation>
    </message>
    <message>
        <source>Next run at %1.</source>
        <translation>Next run at %1.</translation>
    </message>
</context>
<context>
    <name>hb::Tasks</name>
    <message>
        <source>cannot read the metrics database: %1</source>
        <translation>cannot read the metrics database: %1</translation>
    </message>
    <message>
        <source>Cycles balance %1 is below the critical line of %2</source>
        <translation>Cycles balance %1 is below the critical line of %2</translation>
    </message>
    <message>
        <source>Cycles balance %1 is below the alert line of %2</source>
        <translation>Cycles balance %1 is below the alert line of %2</translation>
    </message>
    <message>
        <source>demo outage: the price feed is unreachable</source>
        <translation>demo outage: the price feed is unreachable</translation>
    </message>
    <message>
        <source>no price source configured</source>
        <translation>no price source configured</translation>
    </message>
    <message>
        <source>Oracle error rate %1 % over the last %2 fetches is above %3 %</source>
        <translation>Oracle error rate %1 % over the last %2 fetches is above %3 %</translation>
    </message>
    <message>
        <source>Oracle answers in %1 ms on average, above %2 ms</source>
        <translation>Oracle answers in %1 ms on average, above %2 ms</translation>
    </message>
    <message>
        <source>The newest oracle price is %1 s old, older than %2 s</source>
        <translation>The newest oracle price is %1 s old, older than %2 s</translation>
    </message>
    <message>
        <source>price update of %1 failed: %2</source>
        <translation>price update of %1 failed: %2</translation>
    </message>
    <message>
        <source>price update failed: %1</source>
        <translation>price update failed: %1</translation>
    </message>
    <message>
        <source>%1 cannot run: no %2 was configured</source>
        <translation>%1 cannot run: no %2 was configured</translation>
    </message>
    <message>
        <source>The treasury (%1) cannot cover a cycles top-up of %2</source>
        <translation>The treasury (%1) cannot cover a cycles top-up of %2</translation>
    </message>
    <message>
        <source>%1; no fallback price source to try (oracle.fallback_source)</source>
        <translation>%1; no fallback price source to try (oracle.fallback_source)</translation>
    </message>
    <message>
        <source>%1; the fallback source %2 failed too: %3</source>
        <translation>%1; the fallback source %2 failed too: %3</translation>
    </message>
    <message>
        <source>no last known price of %1 to carry forward: %2</source>
        <translation>no last known price of %1 to carry forward: %2</translation>
    </message>
    <message>
        <source>Prices carried forward since %1: %2</source>
        <translation>Prices carried forward since %1: %2</translation>
    </message>
</context>
<context>
    <name>hb::TickHistoryModel</name>
    <message>
        <source>previous tick still running</source>
        <translation>previous tick still running</translation>
    </message>
    <message>
        <source>emergency pause</source>
        <translation>emergency pause</translation>
    </message>
    <message>
        <source>maintenance mode</source>
        <translation>maintenance mode</translation>
    </message>
    <message>
        <source>heartbeat disabled</source>
        <translation>heartbeat disabled</translation>
    </message>
    <message>
        <source>no task ran: %1</source>
        <translation>no task ran: %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Tick</source>
        <translation>Tick</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Ran</source>
        <translation>Ran</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Succeeded</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>hb::TimeRangeDialog</name>
    <message>
        <source>Custom time range</source>
        <translation>Custom time range</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>To:</translation>
    </message>
    <message>
        <source>The file holds %1 to %2</source>
        <translation>The file holds %1 to %2</translation>
    </message>
    <message>
        <source>The end must come after the start.</source>
        <translation>The end must come after the start.</translation>
    </message>
</context>
<context>
    <name>hb::TokenStore</name>
    <message>
        <source>expected &quot;viewer&quot;, &quot;operator&quot; or &quot;admin&quot;</source>
        <translation>expected &quot;viewer&quot;, &quot;operator&quot; or &quot;admin&quot;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid token name: use 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>&apos;%1&apos; is not a valid token name: use 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</translation>
    </message>
    <message>
        <source>a token named &apos;%1&apos; already exists</source>
        <translation>a token named &apos;%1&apos; already exists</translation>
    </message>
    <message>
        <source>no token named &apos;%1&apos;</source>
        <translation>no token named &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>hb::TokensDialog</name>
    <message>
        <source>Viewer</source>
        <translation>Viewer</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>New API token</source>
        <translation>New API token</translation>
    </message>
    <message>
        <source>e.g. wall-display</source>
        <translation>e.g. wall-display</translation>
    </message>
    <message>
        <source>Letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;</source>
        <translation>Letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <source>&amp;Create…</source>
        <translation>&amp;Create…</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>&amp;Revoke…</translation>
    </message>
    <message>
        <source>API tokens</source>
        <translation>API tokens</translation>
    </message>
    <message>
        <source>Programs using the HTTP API send one of these tokens as “Authorization: Bearer TOKEN”. A viewer token can only read.</source>
        <translation>Programs using the HTTP API send one of these tokens as “Authorization: Bearer TOKEN”. A viewer token can only read.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Last used</translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation>C&amp;opy</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>Admin is locked</source>
        <translation>Admin is locked</translation>
    </message>
    <message>
        <source>&lt;b&gt;Token “%1” created. Copy it now: it will not be shown again.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Token “%1” created. Copy it now: it will not be shown again.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Revoke API token</source>
        <translation>Revoke API token</translation>
    </message>
    <message>
        <source>Revoke the token “%1”? Programs using it are refused from now on.</source>
        <translation>Revoke the token “%1”? Programs using it are refused from now on.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revoke</translation>
    </message>
</context>
<context>
    <name>hb::WallWindow</name>
    <message>
        <source>Circuit breakers</source>
        <translation>Success rate</translation>
    </message>
    <message numerus="yes">
        <source>%n more not closed</source>
        <translation>
            <numerusform>%n more not closed</numerusform>
            <numerusform>%n more not closed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>all %n closed</source>
        <translation>
            <numerusform>%n closed</numerusform>
            <numerusform>all %n closed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n closed</source>
        <translation>
            <numerusform>%n closed</numerusform>
            <numerusform>%n closed</numerusform>
        </translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>none yet</translation>
    </message>
    <message numerus="yes">
        <source>Load of %n shard(s)</source>
        <translation>
            <numerusform>Load of %n shard</numerusform>
            <numerusform>Load of %n shards</numerusform>
        </translation>
    </message>
    <message>
        <source>busiest</source>
        <translation>busiest</translation>
    </message>
    <message>
        <source>- - mean %1</source>
        <translation>- - mean %1</translation>
    </message>
    <message>
        <source>Execution time</source>
        <translation>Execution time</translation>
    </message>
    <message>
        <source>average</source>
        <translation>average</translation>
    </message>
    <message>
        <source>peak %1</source>
        <translation>peak %1</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>Success rate</translation>
    </message>
    <message numerus="yes">
        <source>last %n runs</source>
        <translation>
            <numerusform>last %n run</numerusform>
            <numerusform>last %n runs</numerusform>
        </translation>
    </message>
    <message>
        <source>per tick</source>
        <translation>per tick</translation>
    </message>
    <message>
        <source>Memory and cycles</source>
        <translation>Memory and cycles</translation>
    </message>
    <message>
        <source>memory</source>
        <translation>memory</translation>
    </message>
    <message>
        <source>cycles %1</source>
        <translation>cycles %1</translation>
    </message>
    <message>
        <source>cycles —</source>
        <translation>cycles —</translation>
    </message>
    <message>
        <source>oracle not configured</source>
        <translation>oracle not configured</translation>
    </message>
    <message>
        <source>oracle not measured yet</source>
        <translation>oracle not measured yet</translation>
    </message>
    <message>
        <source>oracle OK (demo feed)</source>
        <translation>oracle OK (demo feed)</translation>
    </message>
    <message>
        <source>oracle OK</source>
        <translation>oracle OK</translation>
    </message>
    <message>
        <source>oracle degraded: %1</source>
        <translation>oracle degraded: %1</translation>
    </message>
    <message>
        <source>oracle down</source>
        <translation>oracle down</translation>
    </message>
    <message>
        <source>EMERGENCY PAUSE</source>
        <translation>EMERGENCY PAUSE</translation>
    </message>
    <message>
        <source>MAINTENANCE</source>
        <translation>MAINTENANCE</translation>
    </message>
    <message>
        <source>Heartbeat disabled</source>
        <translation>Heartbeat disabled</translation>
    </message>
    <message>
        <source>Waiting for the first heartbeat</source>
        <translation>Waiting for the first heartbeat</translation>
    </message>
    <message>
        <source>Heartbeat stale</source>
        <translation>Heartbeat stale</translation>
    </message>
    <message>
        <source>Healthy, with alerts</source>
        <translation>Healthy, with alerts</translation>
    </message>
    <message numerus="yes">
        <source>%n active alert(s)</source>
        <translation>
            <numerusform>%n active alert</numerusform>
            <numerusform>%n active alerts</numerusform>
        </translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>Healthy</translation>
    </message>
    <message>
        <source>last heartbeat %1</source>
        <translation>last heartbeat %1</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>half open</source>
        <translation>half open</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>CRITICAL</source>
        <translation>CRITICAL</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>WARNING</translation>
    </message>
    <message>
        <source>INFO</source>
        <translation>INFO</translation>
    </message>
    <message numerus="yes">
        <source>failures</source>
        <translation>
            <numerusform>failure</numerusform>
            <numerusform>failures</numerusform>
        </translation>
    </message>
    <message>
        <source>next run is the trial</source>
        <translation>next run is the trial</translation>
    </message>
    <message>
        <source>no trial planned</source>
        <translation>no trial planned</translation>
    </message>
    <message>
        <source>next trial in %1</source>
        <translation>next trial in %1</translation>
    </message>
    <message>
        <source>trial due now</source>
        <translation>trial due now</translation>
    </message>
    <message>
        <source>since last heartbeat</source>
        <translation>since last heartbeat</translation>
    </message>
    <message>
        <source>never heard from</source>
        <translation>never heard from</translation>
    </message>
    <message>
        <source>down since %1</source>
        <translation>down since %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation>No data yet</translation>
    </message>
    <message>
        <source>No update since %1</source>
        <translation>No update since %1</translation>
    </message>
    <message>
        <source>Engine unreachable since %1</source>
        <translation>Engine unreachable since %1</translation>
    </message>
    <message>
        <source>Not authorised</source>
        <translation>Not authorised</translation>
    </message>
    <message>
        <source>The engine speaks a newer API version</source>
        <translation>The engine speaks a newer API version</translation>
    </message>
    <message>
        <source>This address cannot be used</source>
        <translation>This address cannot be used</translation>
    </message>
    <message>
        <source>Unreadable data from the engine since %1</source>
        <translation>Unreadable data from the engine since %1</translation>
    </message>
    <message>
        <source>next attempt in %1</source>
        <translation>next attempt in %1</translation>
    </message>
    <message>
        <source>not retrying</source>
        <translation>not retrying</translation>
    </message>
    <message>
        <source>dimmed: the values of %1</source>
        <translation>dimmed: the values of %1</translation>
    </message>
    <message>
        <source>no data yet</source>
        <translation>no data yet</translation>
    </message>
    <message>
        <source>updated %1</source>
        <translation>updated %1</translation>
    </message>
    <message>
        <source>pinned</source>
        <translation>pinned</translation>
    </message>
    <message numerus="yes">
        <source>%n more not shown</source>
        <translation>
            <numerusform>%n more not shown</numerusform>
            <numerusform>%n more not shown</numerusform>
        </translation>
    </message>
    <message>
        <source>No active alerts</source>
        <translation>No active alerts</translation>
    </message>
    <message numerus="yes">
        <source>active alerts</source>
        <translation>
            <numerusform>active alert</numerusform>
            <numerusform>active alerts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n critical</source>
        <translation>
            <numerusform>%n critical</numerusform>
            <numerusform>%n critical</numerusform>
        </translation>
    </message>
    <message>
        <source>Leave the wall display?</source>
        <translation>Leave the wall display?</translation>
    </message>
    <message>
        <source>Enter or Y: leave · Esc or N: stay (%1 s)</source>
        <translation>Enter or Y: leave · Esc or N: stay (%1 s)</translation>
    </message>
    <message>
        <source>Heartbeat wall display</source>
        <translation>Heartbeat wall display</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Machines</source>
        <translation>Machines</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>No circuit breakers yet</source>
        <translation>No circuit breakers yet</translation>
    </message>
    <message>
        <source>No machines registered</source>
        <translation>No machines registered</translation>
    </message>
</context>
<context>
    <name>hb::analysis</name>
    <message>
        <source>--%1 must be an ISO 8601 date or time, e.g. 2026-12-01 or 2026-12-01T09:30:00Z (got &apos;%2&apos;)</source>
        <translation>--%1 must be an ISO 8601 date or time, e.g. 2026-12-01 or 2026-12-01T09:30:00Z (got &apos;%2&apos;)</translation>
    </message>
    <message>
        <source>%1: is the metrics file being read; choose another output file</source>
        <translation>%1: is the metrics file being read; choose another output file</translation>
    </message>
    <message>
        <source>%1: cannot write (%2)</source>
        <translation>%1: cannot write (%2)</translation>
    </message>
    <message>
        <source>--%1 must be buckets, runs or audit (got &apos;%2&apos;)</source>
        <translation>--%1 must be buckets, runs or audit (got &apos;%2&apos;)</translation>
    </message>
    <message>
        <source>%1: a report is .pdf or .html</source>
        <translation>%1: a report is .pdf or .html</translation>
    </message>
    <message>
        <source>Open a saved metrics.db read-only for analysis (it is never changed). A file that is not one this build can read: one line and status 2.</source>
        <translation>Open a saved metrics.db read-only for analysis (it is never changed). A file that is not one this build can read: one line and status 2.</translation>
    </message>
    <message>
        <source>With --open: write a CSV of the range to FILE and exit, without a window (see --csv-rows, --from, --to).</source>
        <translation>With --open: write a CSV of the range to FILE and exit, without a window (see --csv-rows, --from, --to).</translation>
    </message>
    <message>
        <source>With --open: write the maintenance report of the range to FILE (.pdf or .html) and exit, without a window (see --from, --to).</source>
        <translation>With --open: write the maintenance report of the range to FILE (.pdf or .html) and exit, without a window (see --from, --to).</translation>
    </message>
    <message>
        <source>What --export-csv writes: buckets (per task and minute or hour: runs, outcomes, avg_ms, max_ms; the default), runs or audit.</source>
        <translation>What --export-csv writes: buckets (per task and minute or hour: runs, outcomes, avg_ms, max_ms; the default), runs or audit.</translation>
    </message>
    <message>
        <source>Start of the range (ISO 8601, UTC unless it has an offset; default: the start of the file).</source>
        <translation>Start of the range (ISO 8601, UTC unless it has an offset; default: the start of the file).</translation>
    </message>
    <message>
        <source>End of the range, exclusive (ISO 8601; default: the end of the file).</source>
        <translation>End of the range, exclusive (ISO 8601; default: the end of the file).</translation>
    </message>
    <message>
        <source>--%1 needs --open FILE.db</source>
        <translation>--%1 needs --open FILE.db</translation>
    </message>
    <message>
        <source>--from (%1) must be before --to (%2)</source>
        <translation>--from (%1) must be before --to (%2)</translation>
    </message>
    <message>
        <source>--%1 needs --%2 FILE</source>
        <translation>--%1 needs --%2 FILE</translation>
    </message>
</context>
<context>
    <name>hb::body</name>
    <message>
        <source>the body must be a JSON object</source>
        <translation>the body must be a JSON object</translation>
    </message>
    <message>
        <source>the body is empty; expected a JSON object</source>
        <translation>the body is empty; expected a JSON object</translation>
    </message>
    <message>
        <source>not valid JSON: %1 at byte %2</source>
        <translation>not valid JSON: %1 at byte %2</translation>
    </message>
    <message>
        <source>appears more than once</source>
        <translation>appears more than once</translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation>unknown field</translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: %2</source>
        <translation>field &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>required</source>
        <translation>required</translation>
    </message>
    <message>
        <source>expected a string</source>
        <translation>expected a string</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>must not be empty</translation>
    </message>
    <message>
        <source>must be valid Unicode text</source>
        <translation>must be valid Unicode text</translation>
    </message>
    <message>
        <source>must be at most %1 characters (got %2)</source>
        <translation>must be at most %1 characters (got %2)</translation>
    </message>
    <message>
        <source>must be one line of text without control characters</source>
        <translation>must be one line of text without control characters</translation>
    </message>
    <message>
        <source>expected a boolean</source>
        <translation>expected a boolean</translation>
    </message>
    <message>
        <source>unknown field; this command takes no arguments</source>
        <translation>unknown field; this command takes no arguments</translation>
    </message>
    <message>
        <source>must be text without control characters other than line breaks and tabs</source>
        <translation>must be text without control characters other than line breaks and tabs</translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation>expected a number</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>must not be negative</translation>
    </message>
    <message>
        <source>must be 1 to 64 characters of one line without surrounding spaces</source>
        <translation>must be 1 to 64 characters of one line without surrounding spaces</translation>
    </message>
    <message>
        <source>must be whole milliseconds since 1970 (UTC)</source>
        <translation>must be whole milliseconds since 1970 (UTC)</translation>
    </message>
    <message>
        <source>expected an ISO 8601 date-time or milliseconds since the epoch</source>
        <translation>expected an ISO 8601 date-time or milliseconds since the epoch</translation>
    </message>
    <message>
        <source>expected an ISO 8601 date-time with its offset, e.g. 2026-05-01T22:00:00Z</source>
        <translation>expected an ISO 8601 date-time with its offset, e.g. 2026-05-01T22:00:00Z</translation>
    </message>
    <message>
        <source>must be between 1970 and 9999 (UTC)</source>
        <translation>must be between 1970 and 9999 (UTC)</translation>
    </message>
    <message>
        <source>must be later than &quot;from&quot;</source>
        <translation>must be later than &quot;from&quot;</translation>
    </message>
    <message>
        <source>is in the past</source>
        <translation>is in the past</translation>
    </message>
    <message>
        <source>must be at most 366 days after &quot;from&quot;</source>
        <translation>must be at most 366 days after &quot;from&quot;</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>expected an object</translation>
    </message>
    <message>
        <source>must be one of %1</source>
        <translation>must be one of %1</translation>
    </message>
    <message>
        <source>position %1: %2</source>
        <translation>position %1: %2</translation>
    </message>
    <message>
        <source>required: a cron expression, e.g. &quot;0 2 * * sun&quot;</source>
        <translation>required: a cron expression, e.g. &quot;0 2 * * sun&quot;</translation>
    </message>
    <message>
        <source>required: how long each time, from 1m to 7d, e.g. &quot;2h&quot;</source>
        <translation>required: how long each time, from 1m to 7d, e.g. &quot;2h&quot;</translation>
    </message>
    <message>
        <source>must be a time zone such as Asia/Jakarta</source>
        <translation>must be a time zone such as Asia/Jakarta</translation>
    </message>
    <message>
        <source>must be at most ten years after &quot;from&quot; (a recurring silence)</source>
        <translation>must be at most ten years after &quot;from&quot; (a recurring silence)</translation>
    </message>
</context>
<context>
    <name>hb::chartaxes</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 T</source>
        <translation>%1 T</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>%1 M</source>
        <translation>%1 M</translation>
    </message>
    <message>
        <source>%1 K</source>
        <translation>%1 K</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>hb::cli</name>
    <message>
        <source>Data directory (config.json, metrics.db, ledger/). Default: %1.</source>
        <translation>Data directory (config.json, metrics.db, ledger/). Default: %1.</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>unexpected argument &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--%1 must be a whole number from %2 to %3 (got &apos;%4&apos;)</source>
        <translation>--%1 must be a whole number from %2 to %3 (got &apos;%4&apos;)</translation>
    </message>
    <message>
        <source>--%1 must be a positive number of seconds (got &apos;%2&apos;)</source>
        <translation>--%1 must be a positive number of seconds (got &apos;%2&apos;)</translation>
    </message>
    <message>
        <source>Tick interval in milliseconds for this run (default: from config.json; 30000 in production, 2000 in demo).</source>
        <translation>Tick interval in milliseconds for this run (default: from config.json; 30000 in production, 2000 in demo).</translation>
    </message>
    <message>
        <source>Loans in the demo ledger of a new demo data directory, 0 to 1000000 (default: 5000).</source>
        <translation>Loans in the demo ledger of a new demo data directory, 0 to 1000000 (default: 5000).</translation>
    </message>
    <message>
        <source>%1 (see &apos;%2 --help&apos;)</source>
        <translation>%1 (see &apos;%2 --help&apos;)</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>ROLE</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>CREATED</translation>
    </message>
    <message>
        <source>LAST-USED</source>
        <translation>LAST-USED</translation>
    </message>
    <message>
        <source>token create needs --name NAME</source>
        <translation>token create needs --name NAME</translation>
    </message>
    <message>
        <source>token create needs --role viewer|operator|admin</source>
        <translation>token create needs --role viewer|operator|admin</translation>
    </message>
    <message>
        <source>--role must be viewer, operator or admin (got &apos;%1&apos;)</source>
        <translation>--role must be viewer, operator or admin (got &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>created token &apos;%1&apos; (%2); store it now: it is not shown again</source>
        <translation>created token &apos;%1&apos; (%2); store it now: it is not shown again</translation>
    </message>
    <message>
        <source>revoked token &apos;%1&apos;</source>
        <translation>revoked token &apos;%1&apos;</translation>
    </message>
    <message>
        <source>API tokens of a data directory: clients send one as &apos;Authorization: Bearer TOKEN&apos;.
  token create --name NAME --role ROLE   print a new token (shown only once)
  token list                             names, roles, created and last-used times
  token revoke NAME                      the token stops working</source>
        <translation>API tokens of a data directory: clients send one as &apos;Authorization: Bearer TOKEN&apos;.
  token create --name NAME --role ROLE   print a new token (shown only once)
  token list                             names, roles, created and last-used times
  token revoke NAME                      the token stops working</translation>
    </message>
    <message>
        <source>create: the token&apos;s name (1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;).</source>
        <translation>create: the token&apos;s name (1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;).</translation>
    </message>
    <message>
        <source>create: the token&apos;s role: viewer, operator or admin.</source>
        <translation>create: the token&apos;s role: viewer, operator or admin.</translation>
    </message>
    <message>
        <source>revoke: the token&apos;s name.</source>
        <translation>revoke: the token&apos;s name.</translation>
    </message>
    <message>
        <source>--name and --role are for token create</source>
        <translation>--name and --role are for token create</translation>
    </message>
    <message>
        <source>--offline-after must be a duration from 1s to 30d such as 90s, 2m, 1h (got &apos;%1&apos;)</source>
        <translation>--offline-after must be a duration from 1s to 30d such as 90s, 2m, 1h (got &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>added machine &apos;%1&apos; (down after %2 without a heartbeat); store its push token now: it is not shown again</source>
        <translation>added machine &apos;%1&apos; (down after %2 without a heartbeat); store its push token now: it is not shown again</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>STATE</translation>
    </message>
    <message>
        <source>OFFLINE-AFTER</source>
        <translation>OFFLINE-AFTER</translation>
    </message>
    <message>
        <source>PAUSED</source>
        <translation>PAUSED</translation>
    </message>
    <message>
        <source>LAST-SEEN</source>
        <translation>LAST-SEEN</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>removed machine &apos;%1&apos;</source>
        <translation>removed machine &apos;%1&apos;</translation>
    </message>
    <message>
        <source>paused machine &apos;%1&apos;</source>
        <translation>paused machine &apos;%1&apos;</translation>
    </message>
    <message>
        <source>resumed machine &apos;%1&apos;</source>
        <translation>resumed machine &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Machines that push heartbeats to this data directory&apos;s engine.
  machine add NAME [--offline-after 2m]  print its push token (shown only once)
  machine list                           names, states, windows, last heartbeats
  machine remove NAME                    forget it (its token stops working)
  machine pause NAME                     stop judging it (maintenance)
  machine resume NAME                    judge it again from its last heartbeat</source>
        <translation>Machines that push heartbeats to this data directory&apos;s engine.
  machine add NAME [--offline-after 2m]  print its push token (shown only once)
  machine list                           names, states, windows, last heartbeats
  machine remove NAME                    forget it (its token stops working)
  machine pause NAME                     stop judging it (maintenance)
  machine resume NAME                    judge it again from its last heartbeat</translation>
    </message>
    <message>
        <source>add: down after this long without a heartbeat, 1s to 30d (default: 2m).</source>
        <translation>add: down after this long without a heartbeat, 1s to 30d (default: 2m).</translation>
    </message>
    <message>
        <source>the machine&apos;s name.</source>
        <translation>the machine&apos;s name.</translation>
    </message>
    <message>
        <source>--offline-after is for machine add</source>
        <translation>--offline-after is for machine add</translation>
    </message>
    <message>
        <source>The next run times of a cron schedule, one per line (ISO 8601 with the offset).
EXPR: minute hour day-of-month month day-of-week, e.g. &quot;*/15 9-17 * * mon-fri&quot;.</source>
        <translation>The next run times of a cron schedule, one per line (ISO 8601 with the offset).
EXPR: minute hour day-of-month month day-of-week, e.g. &quot;*/15 9-17 * * mon-fri&quot;.</translation>
    </message>
    <message>
        <source>The cron expression (5 fields, or @hourly, @daily, @weekly, …).</source>
        <translation>The cron expression (5 fields, or @hourly, @daily, @weekly, …).</translation>
    </message>
    <message>
        <source>Time zone, e.g. Asia/Jakarta (default: the system&apos;s).</source>
        <translation>Time zone, e.g. Asia/Jakarta (default: the system&apos;s).</translation>
    </message>
    <message>
        <source>Runs after this time, ISO 8601; without an offset it is a time in the zone (default: now).</source>
        <translation>Runs after this time, ISO 8601; without an offset it is a time in the zone (default: now).</translation>
    </message>
    <message>
        <source>How many runs, 1 to 1000 (default: 5).</source>
        <translation>How many runs, 1 to 1000 (default: 5).</translation>
    </message>
    <message>
        <source>%1 (see &apos;%2 %3 --help&apos;)</source>
        <translation>%1 (see &apos;%2 %3 --help&apos;)</translation>
    </message>
    <message>
        <source>schedule needs --cron EXPR</source>
        <translation>schedule needs --cron EXPR</translation>
    </message>
    <message>
        <source>bad cron expression at position %1: %2</source>
        <translation>bad cron expression at position %1: %2</translation>
    </message>
    <message>
        <source>unknown time zone &apos;%1&apos;</source>
        <translation>unknown time zone &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--from must be an ISO 8601 date or date and time, e.g. 2026-03-29T01:30:00+01:00 (got &apos;%1&apos;)</source>
        <translation>--from must be an ISO 8601 date or date and time, e.g. 2026-03-29T01:30:00+01:00 (got &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>(%1 does not exist on this day: moved by the DST change)</source>
        <translation>(%1 does not exist on this day: moved by the DST change)</translation>
    </message>
</context>
<context>
    <name>hb::cli::Subcommand</name>
    <message>
        <source>Data directory holding %1. Default: %2.</source>
        <translation>Data directory holding %1. Default: %2.</translation>
    </message>
    <message>
        <source>%1 (see &apos;%2 %3 --help&apos;)</source>
        <translation>%1 (see &apos;%2 %3 --help&apos;)</translation>
    </message>
    <message>
        <source>%1 needs a command: %2</source>
        <translation>%1 needs a command: %2</translation>
    </message>
    <message>
        <source>unknown %1 command &apos;%2&apos;: use %3</source>
        <translation>unknown %1 command &apos;%2&apos;: use %3</translation>
    </message>
    <message>
        <source>%1 %2 needs exactly one %3</source>
        <translation>%1 %2 needs exactly one %3</translation>
    </message>
    <message>
        <source>no such data directory</source>
        <translation>no such data directory</translation>
    </message>
    <message>
        <source>cannot create the data directory</source>
        <translation>cannot create the data directory</translation>
    </message>
    <message>
        <source>is not a directory</source>
        <translation>is not a directory</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
</context>
<context>
    <name>hb::format</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>just now</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>%1 s ago</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>%1 min ago</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>%1 h ago</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>success</source>
        <translation>success</translation>
    </message>
    <message>
        <source>failure</source>
        <translation>failure</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>timeout</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>skipped</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>half-open</source>
        <translation>half-open</translation>
    </message>
    <message>
        <source>Price update</source>
        <translation>Price update</translation>
    </message>
    <message>
        <source>Loan monitoring</source>
        <translation>Loan monitoring</translation>
    </message>
    <message>
        <source>Cycles monitoring</source>
        <translation>Cycles monitoring</translation>
    </message>
    <message>
        <source>Memory monitoring</source>
        <translation>Memory monitoring</translation>
    </message>
    <message>
        <source>Auto cleanup</source>
        <translation>Auto cleanup</translation>
    </message>
    <message>
        <source>Pool maintenance</source>
        <translation>Pool maintenance</translation>
    </message>
    <message>
        <source>Auto liquidation</source>
        <translation>Auto liquidation</translation>
    </message>
    <message>
        <source>Oracle monitoring</source>
        <translation>Oracle monitoring</translation>
    </message>
    <message>
        <source>Treasury monitoring</source>
        <translation>Treasury monitoring</translation>
    </message>
    <message>
        <source>Shard balancing</source>
        <translation>Shard balancing</translation>
    </message>
    <message>
        <source>Demo workload</source>
        <translation>Demo workload</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>now</source>
        <translation>now</translation>
    </message>
    <message>
        <source>in %1 s</source>
        <translation>in %1 s</translation>
    </message>
    <message>
        <source>in %1 min</source>
        <translation>in %1 min</translation>
    </message>
    <message>
        <source>in %1 h</source>
        <translation>in %1 h</translation>
    </message>
    <message>
        <source>in %1 d</source>
        <translation>in %1 d</translation>
    </message>
</context>
<context>
    <name>hb::json</name>
    <message>
        <source>expected a number</source>
        <translation>expected a number</translation>
    </message>
    <message>
        <source>unknown value &quot;%1&quot;</source>
        <translation>unknown value &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected null or a non-empty string</source>
        <translation>expected null or a non-empty string</translation>
    </message>
    <message>
        <source>expected a number or null</source>
        <translation>--%1 must be an ISO 8601 date or time, e.g. 2026-12-01 or 2026-12-01T09:30:00Z (got &apos;%2&apos;)</translation>
    </message>
    <message>
        <source>expected a string or null</source>
        <translation>expected a string or null</translation>
    </message>
</context>
<context>
    <name>hb::tasks</name>
    <message>
        <source>cancelled before it finished</source>
        <translation>cancelled before it finished</translation>
    </message>
</context>
<context>
    <name>hb::wall</name>
    <message>
        <source>%1: cannot read the token file (%2)</source>
        <translation>cancelled before it finished</translation>
    </message>
    <message>
        <source>%1: not a token (expected one line, as `heartbeatd token create` prints it)</source>
        <translation>%1: not a token (expected one line, as `heartbeatd token create` prints it)</translation>
    </message>
    <message>
        <source>%1: cannot write (%2)</source>
        <translation>%1: cannot write (%2)</translation>
    </message>
    <message>
        <source>made the viewer token &apos;%1&apos; for the wall (%2)</source>
        <translation>made the viewer token &apos;%1&apos; for the wall (%2)</translation>
    </message>
    <message>
        <source>--%1 needs --wall</source>
        <translation>--%1 needs --wall</translation>
    </message>
    <message>
        <source>--wall and --open cannot be used together</source>
        <translation>--wall and --open cannot be used together</translation>
    </message>
    <message>
        <source>--connect needs --token-file (a viewer token: heartbeatd token create --name wall --role viewer)</source>
        <translation>--connect needs --token-file (a viewer token: heartbeatd token create --name wall --role viewer)</translation>
    </message>
    <message>
        <source>%1: no such data directory (use --data-dir, or --connect URL)</source>
        <translation>%1: no such data directory (use --data-dir, or --connect URL)</translation>
    </message>
    <message>
        <source>%1 (create a viewer token with `heartbeatd token create --name wall --role viewer` and pass it with --token-file)</source>
        <translation>%1 (create a viewer token with `heartbeatd token create --name wall --role viewer` and pass it with --token-file)</translation>
    </message>
    <message>
        <source>%1: no engine serves this directory and it holds no metrics.db</source>
        <translation>%1: no engine serves this directory and it holds no metrics.db</translation>
    </message>
</context>
<context>
    <name>heartbeatd</name>
    <message>
        <source>The Heartbeat maintenance engine, headless.</source>
        <translation>The Heartbeat maintenance engine, headless.</translation>
    </message>
    <message>
        <source>Demo mode: a new data directory gets the demo configuration; ticks every 2 s unless --tick-ms is given.</source>
        <translation>Demo mode: a new data directory gets the demo configuration; ticks every 2 s unless --tick-ms is given.</translation>
    </message>
    <message>
        <source>Stop after this many seconds, as on SIGTERM.</source>
        <translation>Stop after this many seconds, as on SIGTERM.</translation>
    </message>
    <message>
        <source>Serve the HTTP API on ADDRESS:PORT, or &quot;none&quot; (default: http.listen in config.json, 127.0.0.1:8089).</source>
        <translation>Serve the HTTP API on ADDRESS:PORT, or &quot;none&quot; (default: http.listen in config.json, 127.0.0.1:8089).</translation>
    </message>
    <message>
        <source>running on %1, serving %2</source>
        <translation>running on %1, serving %2</translation>
    </message>
    <message>
        <source>running on %1</source>
        <translation>running on %1</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>stopping</translation>
    </message>
    <message>
        <source>Commands (each with --help):
  token create|list|revoke       API tokens of the data directory
  machine add|list|remove|...    pushing machines of the data directory
  schedule --cron EXPR           the next run times of a cron schedule</source>
        <translation>Commands (each with --help):
  token create|list|revoke       API tokens of the data directory
  machine add|list|remove|...    pushing machines of the data directory
  schedule --cron EXPR           the next run times of a cron schedule</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Heartbeat Dashboard</source>
        <translation>Heartbeat Dashboard</translation>
    </message>
    <message>
        <source>Watch and steer the Heartbeat maintenance engine. On first run a demo data directory is created.</source>
        <translation>Watch and steer the Heartbeat maintenance engine. On first run a demo data directory is created.</translation>
    </message>
    <message>
        <source>User interface language: en or id.</source>
        <translation>User interface language: en or id.</translation>
    </message>
    <message>
        <source>Write a PNG of the main window to FILE when quitting (see --quit-after).</source>
        <translation>Write a PNG of the main window to FILE when quitting (see --quit-after).</translation>
    </message>
    <message>
        <source>Quit after this many seconds.</source>
        <translation>Quit after this many seconds.</translation>
    </message>
    <message>
        <source>--lang must be en or id (got &apos;%1&apos;)</source>
        <translation>--lang must be en or id (got &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>%1: cannot write the screenshot</source>
        <translation>%1: cannot write the screenshot</translation>
    </message>
    <message>
        <source>Metrics store failed</source>
        <translation>Metrics store failed</translation>
    </message>
    <message>
        <source>%1

The engine is paused and the ledger will not change until the metrics store can be written again. Free some space (or fix the file), then use Resume.</source>
        <translation>%1

The engine is paused and the ledger will not change until the metrics store can be written again. Free some space (or fix the file), then use Resume.</translation>
    </message>
    <message>
        <source>Show the wall display: full screen, read-only, large type (README &quot;Wall display&quot;).</source>
        <translation>The Heartbeat maintenance engine, headless.</translation>
    </message>
    <message>
        <source>With --wall: the heartbeatd to show (its http:// or https:// URL).</source>
        <translation>With --wall: the heartbeatd to show (its http:// or https:// URL).</translation>
    </message>
    <message>
        <source>With --wall: a file holding a viewer token for the engine&apos;s API.</source>
        <translation>With --wall: a file holding a viewer token for the engine&apos;s API.</translation>
    </message>
    <message>
        <source>With --wall: the screen to fill (0 is the first).</source>
        <translation>With --wall: the screen to fill (0 is the first).</translation>
    </message>
</context>
</TS>
