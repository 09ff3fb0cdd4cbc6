<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
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
    <name>hb::Config</name>
    <message>
        <source>the string "%1"</source>
        <translation>the string "%1"</translation>
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
        <source>field '%1': %2</source>
        <translation>field '%1': %2</translation>
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
            <numerusform>%n active alert</numerusform><numerusform>%n active alerts</numerusform></translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>Healthy</translation>
    </message>
    <message>
        <source>Last heartbeat %1</source>
        <translation>Last heartbeat %1</translation>
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
</context>
<context>
    <name>hb::MainWindow</name>
    <message>
        <source>Heartbeat Dashboard</source>
        <translation>Heartbeat Dashboard</translation>
    </message>
    <message>
        <source>&lt;b&gt;Maintenance tasks&lt;/b&gt;</source>
        <translation>&lt;b&gt;Maintenance tasks&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>Signed in as %1 (%2)</translation>
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
            <numerusform> (%n failure)</numerusform><numerusform> (%n failures)</numerusform></translation>
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
</context>
<context>
    <name>hb::cli</name>
    <message>
        <source>Data directory (config.json, metrics.db, ledger/). Default: %1.</source>
        <translation>Data directory (config.json, metrics.db, ledger/). Default: %1.</translation>
    </message>
    <message>
        <source>unexpected argument '%1'</source>
        <translation>unexpected argument '%1'</translation>
    </message>
    <message>
        <source>--%1 must be a whole number from %2 to %3 (got '%4')</source>
        <translation>--%1 must be a whole number from %2 to %3 (got '%4')</translation>
    </message>
    <message>
        <source>--%1 must be a positive number of seconds (got '%2')</source>
        <translation>--%1 must be a positive number of seconds (got '%2')</translation>
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
        <source>Tick interval in milliseconds (default: from config.json; 30000 in production, 2000 in demo).</source>
        <translation>Tick interval in milliseconds (default: from config.json; 30000 in production, 2000 in demo).</translation>
    </message>
    <message>
        <source>Stop after this many seconds, as on SIGTERM.</source>
        <translation>Stop after this many seconds, as on SIGTERM.</translation>
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
        <source>Tick interval in milliseconds (default from config.json).</source>
        <translation>Tick interval in milliseconds (default from config.json).</translation>
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
        <source>--lang must be en or id (got '%1')</source>
        <translation>--lang must be en or id (got '%1')</translation>
    </message>
    <message>
        <source>Recording stopped</source>
        <translation>Recording stopped</translation>
    </message>
    <message>
        <source>%1: cannot write the screenshot</source>
        <translation>%1: cannot write the screenshot</translation>
    </message>
</context>
</TS>